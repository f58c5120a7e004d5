package io.quotacanvas.ui;

import io.quotacanvas.core.ProviderId;

/// Opens the token manager (its own issue). The status bar calls it when a provider's figures are clicked.
/// Called on the FX thread; must not block.
@FunctionalInterface
public interface TokenManagerHook {

    TokenManagerHook NONE = provider -> { };

    /// `provider` is the one clicked, or null for "all providers".
    void open(ProviderId provider);
}
