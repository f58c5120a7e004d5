package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;

/// A provider's tokens at one instant: how many are ready, cooling or invalid out of `total`, and when the
/// next cooling one comes back (`nextReset`, null when none is cooling). Immutable.
public record ProviderStatus(ProviderId provider, int ready, int cooling, int invalid, int total,
                             Instant nextReset) {

    public static ProviderStatus unknown(ProviderId provider, int total) {
        return new ProviderStatus(provider, total, 0, 0, total, null);
    }

    public boolean hasTokens() {
        return total > 0;
    }
}
