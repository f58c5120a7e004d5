package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import java.util.List;

/// A configured provider as the pickers show it: canonical `models` in preference order, how many pooled
/// tokens it has, whether it is enabled, and whether it has a route that needs no token (Hugging Face's
/// public Spaces, when `public_fallback` allows them). Immutable.
public record ProviderInfo(ProviderId id, boolean enabled, List<String> models, int tokenCount, boolean anonymous) {
    public ProviderInfo {
        models = List.copyOf(models);
    }

    /// A provider with no token-free route.
    public ProviderInfo(ProviderId id, boolean enabled, List<String> models, int tokenCount) {
        this(id, enabled, models, tokenCount, false);
    }
}
