package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderGuide;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;

/// Plain words for a skipped row of the fallback chain: why that provider, model or token was passed over,
/// and what the person can do about it ("No gitee token, so gitee was skipped. Add a free one under
/// Tokens: …"). The engine's reasons are short English phrases; unknown ones are shown as they are.
public final class SkipExplanations {
    private SkipExplanations() {
    }

    /// The explanation of a skipped `row`, in the current language.
    public static String explain(ChainRow row, I18n i18n) {
        String reason = row.message() == null ? "" : row.message();
        String provider = ProviderId.nameOf(row.provider());
        if (reason.equals("no tokens configured")) {
            ProviderGuide guide = ProviderGuide.of(row.provider());
            return i18n.get("skip.noTokens", provider, guide.tokenUrl() == null
                    ? i18n.get("guide." + provider + ".where") : guide.tokenUrl());
        }
        if (reason.equals("disabled in config")) {
            return i18n.get("skip.disabled", provider);
        }
        if (reason.equals("not supported by this version")) {
            return i18n.get("skip.unsupported", provider);
        }
        if (reason.startsWith("model not offered by")) {
            return i18n.get("skip.modelNotOffered", provider, row.model());
        }
        if (reason.equals("model unavailable on this provider")) {
            return i18n.get("skip.modelUnavailable", provider, row.model());
        }
        if (reason.equals("provider down after repeated failures")) {
            return i18n.get("skip.providerDown", provider);
        }
        if (reason.startsWith("cooling (")) {
            String cause = reason.substring("cooling (".length(), reason.length() - 1);
            String key = "outcome." + cause;
            String said = i18n.get(key);
            return i18n.get("skip.cooling", said.equals(key) ? cause : said);
        }
        if (reason.startsWith("invalid")) {
            return i18n.get("skip.invalid");
        }
        if (reason.equals("no ready token for the text model")) {
            return i18n.get("skip.textModel", provider);
        }
        return reason;
    }
}
