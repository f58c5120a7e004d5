package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;

/// A provider's tokens at one instant: how many are ready, cooling or invalid out of `total`, and when the
/// next cooling one comes back (`nextReset`, null when none is cooling); `anonymous` is its token-free
/// route (Hugging Face's public Spaces), or null when it has none. Immutable.
public record ProviderStatus(ProviderId provider, int ready, int cooling, int invalid, int total,
                             Instant nextReset, Anonymous anonymous) {

    /// The token-free route: usable now, or resting until `until` (its shared GPU time is spent).
    public record Anonymous(boolean ready, Instant until) {}

    /// A provider without a token-free route.
    public ProviderStatus(ProviderId provider, int ready, int cooling, int invalid, int total, Instant nextReset) {
        this(provider, ready, cooling, invalid, total, nextReset, null);
    }

    public static ProviderStatus unknown(ProviderId provider, int total) {
        return new ProviderStatus(provider, total, 0, 0, total, null);
    }

    public boolean hasTokens() {
        return total > 0;
    }

    /// Whether images can be made here at all: a token, or the token-free route.
    public boolean usable() {
        return hasTokens() || anonymous != null;
    }
}
