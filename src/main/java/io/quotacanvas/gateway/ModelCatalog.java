package io.quotacanvas.gateway;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/// The canonical models of the config and the names that reach them: a canonical name (case ignored), a
/// provider's own model id (`Tongyi-MAI/Z-Image-Turbo`, as the command line takes it), or an alias from
/// `gateway.model_aliases`. The models listed to clients are those auto routing can reach: offered by an
/// enabled provider of `routing.provider_order`. Immutable and thread-safe.
final class ModelCatalog {
    private final Map<String, List<ProviderId>> routed;
    private final Map<String, String> names;
    private final Map<String, String> aliases;
    private final String defaultModel;

    ModelCatalog(AppConfig config) {
        Map<String, List<ProviderId>> byModel = new LinkedHashMap<>();
        for (ProviderId id : config.routing().providerOrder()) {
            ProviderConfig pc = config.provider(id);
            if (pc.enabled()) {
                pc.models().keySet().forEach(m -> byModel.computeIfAbsent(m, k -> new ArrayList<>()).add(id));
            }
        }
        byModel.replaceAll((m, list) -> List.copyOf(list));
        this.routed = java.util.Collections.unmodifiableMap(byModel);
        Map<String, String> all = new LinkedHashMap<>();
        for (ProviderConfig pc : config.providers().values()) {
            pc.models().forEach((canonical, own) -> {
                all.putIfAbsent(canonical, canonical);
                all.putIfAbsent(canonical.toLowerCase(Locale.ROOT), canonical);
                all.putIfAbsent(own, canonical);
            });
        }
        this.names = Map.copyOf(all);
        this.aliases = config.gateway().modelAliases();
        this.defaultModel = config.routing().defaultModel();
    }

    /// The canonical model `name` means, the default model when `name` is null or blank, or null when none.
    String resolve(String name) {
        if (name == null || name.isBlank()) {
            return defaultModel;
        }
        String n = name.strip();
        if (aliases.containsKey(n)) {
            return aliases.get(n);
        }
        return names.getOrDefault(n, names.get(n.toLowerCase(Locale.ROOT)));
    }

    /// The models auto routing can reach, providers in routing order.
    Set<String> models() {
        return new LinkedHashSet<>(routed.keySet());
    }

    Map<String, String> aliases() {
        return aliases;
    }

    /// The enabled providers of the routing order that offer `model`.
    List<ProviderId> providersOf(String model) {
        return routed.getOrDefault(model, List.of());
    }

    /// The models to name in a "not found" message.
    String known() {
        return String.join(", ", routed.isEmpty() ? new LinkedHashSet<>(names.values()) : routed.keySet());
    }
}
