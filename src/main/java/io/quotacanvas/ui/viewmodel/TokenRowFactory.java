package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.Token;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.QuotaStatus.AnonymousStatus;
import io.quotacanvas.token.QuotaStatus.CoolingToken;
import io.quotacanvas.token.QuotaStatus.ModelStatus;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.TokenStatus;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.TokenRow.TestVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;

/// Turns the core's quota picture into the token manager's rows, section titles and quota lines, with the
/// manager's transient state (revealed rows, tests under way, last verdicts). FX thread only.
final class TokenRowFactory {
    private final I18n i18n;
    private final TokenTexts texts;
    private final ReadOnlyObjectProperty<Instant> now;

    TokenRowFactory(I18n i18n, TokenTexts texts, ReadOnlyObjectProperty<Instant> now) {
        this.i18n = i18n;
        this.texts = texts;
        this.now = now;
    }

    /// What the rows show beyond the report; keyed by fingerprint.
    record Transient(Set<String> revealed, Set<String> testing, Map<String, Verdict> verdicts) {}

    record Verdict(TestVerdict kind, String text) {}

    List<TokenRow> rows(ProviderStatus p, Transient t) {
        List<TokenRow> rows = new ArrayList<>();
        List<TokenStatus> tokens = p.tokens();
        int lastEditable = -1;
        for (int i = 0; i < tokens.size(); i++) {
            lastEditable = tokens.get(i).entry().editable() ? i : lastEditable;
        }
        int firstEditable = -1;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            firstEditable = tokens.get(i).entry().editable() ? i : firstEditable;
        }
        for (int i = 0; i < tokens.size(); i++) {
            rows.add(row(tokens.get(i), i, i > firstEditable, i < lastEditable, t));
        }
        if (p.anonymous() != null) {
            rows.add(anonymous(p, p.anonymous(), tokens.size()));
        }
        return rows;
    }

    private TokenRow row(TokenStatus s, int position, boolean up, boolean down, Transient t) {
        PoolEntry e = s.entry();
        Token token = e.token();
        String key = token.fingerprint();
        boolean revealed = t.revealed().contains(key);
        String handle = token.provider().labelPrefix() + "#" + token.ordinal();
        String title = e.name() == null ? handle : e.name();
        String value = revealed ? token.secret().reveal() : token.secret().masked();
        String why = e.editable() ? null : i18n.get(token.source() != null && token.source().startsWith("env:")
                ? "tokens.readOnly.env" : "tokens.readOnly.config", token.source() == null ? ""
                : token.source().substring(Math.min(4, token.source().length())));
        boolean testing = t.testing().contains(key);
        Verdict v = t.verdicts().get(key);
        String testText = testing ? i18n.get("tokens.testing") : v == null ? null : v.text();
        TokenState state = s.state();
        return new TokenRow(token.provider(), position, key, token, e.vaultId(), handle, title, token.label(), value,
                revealed, token.source(), why, e.enabled(), state, stateText(state, e.enabled(), s.modelStates()),
                facts(s), testText, v == null ? TestVerdict.NONE : v.kind(), testing,
                !(state instanceof TokenState.Ready) || !s.modelStates().isEmpty(), e.editable() && up,
                e.editable() && down);
    }

    private TokenRow anonymous(ProviderStatus p, AnonymousStatus a, int position) {
        Token token = Token.anonymous(p.provider());
        String facts = lastUsed(a.lastUsed()) + " · " + i18n.get("tokens.imagesToday", a.imagesToday());
        var stateText = a.allowed() ? stateText(a.state(), true, Map.of())
                : i18n.text("tokens.anonymousOff");
        return new TokenRow(p.provider(), position, token.fingerprint(), token, null, token.label(),
                i18n.get("tokens.anonymous"),
                token.label(), "—", false, "anonymous", i18n.get("tokens.readOnly.anonymous"), a.allowed(),
                a.state(), stateText, facts, null, TestVerdict.NONE, false, !a.state().usable(), false, false);
    }

    private javafx.beans.binding.StringBinding stateText(TokenState state, boolean enabled,
                                                         Map<String, TokenState> models) {
        return i18n.text(() -> {
            String main = texts.state(state, enabled, now.get());
            List<String> parts = new ArrayList<>(List.of(main));
            if (enabled) {
                parts.addAll(texts.modelStates(models, now.get()));
            }
            return String.join("; ", parts);
        }, now);
    }

    private String facts(TokenStatus s) {
        List<String> parts = new ArrayList<>();
        parts.add(lastUsed(s.lastUsed()));
        parts.add(i18n.get("tokens.imagesToday", s.imagesToday()));
        s.remaining().forEach((model, q) -> {
            Integer left = TokenTexts.left(q);
            if (left != null) {
                parts.add(i18n.get("tokens.remaining", model, left));
            }
        });
        return String.join(" · ", parts);
    }

    private String lastUsed(Instant at) {
        return at == null ? i18n.get("tokens.neverUsed") : i18n.get("tokens.lastUsed", texts.local(at, now.get()));
    }

    /// "gitee — 2 of 3 ready · 5 images today" (+ "disabled in config").
    String title(ProviderStatus p) {
        long enabled = p.tokens().stream().filter(t -> t.entry().enabled()).count();
        long ready = p.tokens().stream().filter(t -> t.entry().enabled() && t.state().usable()).count();
        String text = p.tokens().isEmpty() ? i18n.get("tokens.section.empty", p.provider().wireName())
                : i18n.get("tokens.section", p.provider().wireName(), ready, enabled, p.imagesToday());
        return p.enabled() ? text : text + " · " + i18n.get("tokens.section.disabled");
    }

    QuotaGroup quota(ProviderStatus p) {
        Instant at = now.get();
        List<String> head = new ArrayList<>();
        head.add(p.provider().wireName());
        if (!p.enabled()) {
            head.add(i18n.get("tokens.section.disabled"));
        }
        head.add(i18n.get("tokens.imagesToday", p.imagesToday()));
        if (p.nextReset() != null) {
            // a countdown helps within the day; further out the date says enough
            head.add(java.time.Duration.between(at, p.nextReset()).toHours() < 24
                    ? i18n.get("quota.reset", texts.local(p.nextReset(), at), TokenTexts.countdown(at, p.nextReset()))
                    : i18n.get("quota.resetOn", texts.local(p.nextReset(), at)));
        }
        List<QuotaGroup.Line> lines = new ArrayList<>();
        for (ModelStatus m : p.models()) {
            lines.add(line(m, at));
        }
        return new QuotaGroup(p.provider(), String.join(" · ", head), lines);
    }

    private QuotaGroup.Line line(ModelStatus m, Instant at) {
        int usable = m.ready() + m.cooling().size() + m.invalid();
        String ready = usable == 0 ? i18n.get("badge.noTokens") : i18n.get("quota.ready", m.ready(), usable);
        List<String> cooling = new ArrayList<>();
        for (CoolingToken c : m.cooling()) {
            cooling.add(i18n.get("quota.coolingToken", c.label(), texts.local(c.until(), at), texts.reason(c.reason())));
        }
        if (m.unavailableUntil() != null) {
            cooling.add(i18n.get("quota.modelUnavailable", texts.local(m.unavailableUntil(), at)));
        }
        String remaining = m.knownRemaining() == null ? i18n.get("quota.unknown") : String.valueOf(m.knownRemaining());
        String anonymous = m.anonymousReady() == null ? "—"
                : i18n.get(m.anonymousReady() ? "quota.anonymousReady" : "quota.anonymousNo");
        return new QuotaGroup.Line(m.model(), ready, cooling.isEmpty() ? "—" : String.join("\n", cooling), remaining,
                anonymous);
    }

    /// The earliest instant at which something shown changes by itself (a cooling ends, a quota resets).
    static Instant nextChange(List<ProviderStatus> providers) {
        Instant next = null;
        for (ProviderStatus p : providers) {
            next = min(next, p.nextReset());
            for (TokenStatus t : p.tokens()) {
                next = min(next, t.state() instanceof TokenState.Cooling c ? c.until() : null);
                for (TokenState s : t.modelStates().values()) {
                    next = min(next, s instanceof TokenState.Cooling c ? c.until() : null);
                }
            }
            if (p.anonymous() != null && p.anonymous().state() instanceof TokenState.Cooling c) {
                next = min(next, c.until());
            }
            for (ModelStatus m : p.models()) {
                next = min(next, m.unavailableUntil());
            }
        }
        return next;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
