package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/// The whole, validated configuration. Immutable; built once by [ConfigLoader] and passed by constructor.
///
/// `source` is the user's file, or null when only the built-in defaults (plus environment) apply.
/// `providers` holds an entry for every [ProviderId]; `ledger` says where the ledger lives; `gateway`
/// configures `quota-canvas serve`.
public record AppConfig(Path source, RoutingConfig routing, PromptConfig prompt,
                        Map<ProviderId, ProviderConfig> providers, LedgerConfig ledger, GatewayConfig gateway) {

    public ProviderConfig provider(ProviderId id) {
        return Optional.ofNullable(providers.get(id))
                .orElseThrow(() -> new IllegalStateException("no config for provider " + id));
    }
}
