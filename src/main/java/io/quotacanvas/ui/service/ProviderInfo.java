package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import java.util.List;

/// A configured provider as the pickers show it: canonical `models` in preference order, how many pooled
/// tokens it has, and whether it is enabled. Immutable.
public record ProviderInfo(ProviderId id, boolean enabled, List<String> models, int tokenCount) {
    public ProviderInfo {
        models = List.copyOf(models);
    }
}
