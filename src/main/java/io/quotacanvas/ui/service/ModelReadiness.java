package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;

/// One (provider, model) pair as a comparison picks it: how many enabled tokens are ready for the model,
/// and whether the token-free route (Hugging Face's public Spaces) serves it now. Immutable.
public record ModelReadiness(ProviderId provider, String model, int readyTokens, boolean anonymousReady) {

    /// Whether a request to this pair could be sent right now.
    public boolean ready() {
        return readyTokens > 0 || anonymousReady;
    }
}
