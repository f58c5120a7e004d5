package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderGuide;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// One provider on the welcome panel: where its free token comes from, what it gives and when it resets
/// (localised facts of [ProviderGuide]), a paste box, and how many tokens it has. FX thread only.
public final class WelcomeOffer {
    private final ProviderGuide guide;
    private final I18n i18n;
    private final StringProperty pasted = new SimpleStringProperty(this, "pasted", "");
    private final ReadOnlyIntegerWrapper tokens = new ReadOnlyIntegerWrapper(this, "tokens");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canAdd;

    WelcomeOffer(ProviderGuide guide, int tokens, I18n i18n) {
        this.guide = guide;
        this.i18n = i18n;
        this.tokens.set(tokens);
        canAdd = Bindings.createBooleanBinding(() -> !pasted.get().isBlank() && !busy.get(), pasted, busy);
    }

    public ProviderId provider() { return guide.provider(); }
    /// The page that makes the token.
    public String tokenUrl() { return guide.tokenUrl(); }
    /// The paste box: one or many tokens, newline- or comma-separated (the token manager's format).
    public StringProperty pastedProperty() { return pasted; }
    /// The provider's pooled tokens (at start, plus what was added here).
    public ReadOnlyIntegerProperty tokensProperty() { return tokens.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public BooleanBinding canAddProperty() { return canAdd; }

    /// "Free: about 2000 calls a day … · resets at midnight Beijing time".
    public StringBinding facts() {
        String key = "guide." + guide.provider().wireName();
        return i18n.text(() -> i18n.get("welcome.facts", i18n.get(key + ".quota"), i18n.get(key + ".reset")));
    }

    /// Where the token is made, short enough for a card: "modelscope.cn/my/myaccesstoken · My account → Access
    /// Token".
    public StringBinding link() {
        String site = guide.tokenUrl().replaceFirst("^https://", "");
        return i18n.text(() -> i18n.get("welcome.link", site, i18n.get("guide." + guide.provider().wireName()
                + ".where")));
    }

    /// "no token yet" or "2 tokens ✓".
    public StringBinding state() {
        return i18n.text(() -> i18n.get("welcome.tokens", tokens.get()), tokens);
    }

    void busy(boolean value) {
        busy.set(value);
    }

    void added(int count) {
        tokens.set(tokens.get() + count);
        pasted.set("");
    }
}
