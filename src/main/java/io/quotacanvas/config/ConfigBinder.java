package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/// Binds the merged config tree to [AppConfig] by hand (no reflection, so start-up stays fast) and checks
/// what spans sections: the provider order and the default model. Problems go to [Problems]; the result
/// is only meaningful when none were found. Not thread-safe.
final class ConfigBinder {
    private static final List<String> PROVIDER_NAMES = Arrays.stream(ProviderId.values())
            .map(ProviderId::wireName).toList();

    private final Problems problems;
    private final EnvExpander expander;
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final ProviderBinder providerBinder;
    private final GatewayBinder gatewayBinder;
    private final java.util.Set<ProviderId> missing = java.util.EnumSet.noneOf(ProviderId.class);

    ConfigBinder(Problems problems, Map<String, String> env) {
        this.problems = problems;
        this.expander = new EnvExpander(env);
        this.providerBinder = new ProviderBinder(env);
        this.gatewayBinder = new GatewayBinder(env);
    }

    AppConfig bind(ObjectNode merged, Path source) {
        Section root = new Section(merged, "", problems, expander);
        root.allowOnly(List.of("routing", "prompt", "providers", "ledger", "gateway"));
        Map<ProviderId, ProviderConfig> providers = providers(root);
        RoutingConfig routing = root.section("routing").map(r -> routing(r, providers)).orElse(null);
        PromptConfig prompt = root.section("prompt").map(ConfigBinder::prompt).orElse(null);
        LedgerConfig ledger = root.section("ledger").map(this::ledger).orElse(LedgerConfig.LOCAL);
        GatewayConfig gateway = root.section("gateway").map(g -> gatewayBinder.bind(g, providers)).orElse(null);
        return new AppConfig(source, routing, prompt, Collections.unmodifiableMap(providers), ledger, gateway);
    }

    private Map<ProviderId, ProviderConfig> providers(Section root) {
        Map<ProviderId, ProviderConfig> out = new EnumMap<>(ProviderId.class);
        Optional<Section> all = root.section("providers");
        all.ifPresent(p -> p.allowOnly(PROVIDER_NAMES));
        for (ProviderId id : ProviderId.values()) {
            Optional<Section> one = all.filter(p -> p.has(id.wireName())).flatMap(p -> p.section(id.wireName()));
            if (one.isEmpty()) {
                missing.add(id);
            }
            out.put(id, one.map(s -> providerBinder.bind(id, s)).orElseGet(() -> ProviderBinder.absent(id)));
        }
        return out;
    }

    private RoutingConfig routing(Section r, Map<ProviderId, ProviderConfig> providers) {
        r.allowOnly(List.of("provider_order", "default_model", "max_parallel", "per_token_concurrency",
                "max_attempts_per_image", "stop_on_content_rejected", "provider_cooldown", "hang_after", "hedge_after",
                "min_attempt_time", "model_unavailable_skip"));
        String defaultModel = r.text("default_model");
        if (defaultModel != null && providers.values().stream().noneMatch(p -> p.supports(defaultModel))) {
            problems.add(r.path("default_model"), "no provider offers '" + defaultModel
                    + "'; add it under a provider's models or pick one of: " + String.join(", ", allModels(providers)));
        }
        return new RoutingConfig(providerOrder(r, providers), defaultModel, r.intAtLeast("max_parallel", 1),
                r.intAtLeast("per_token_concurrency", 1), r.intAtLeast("max_attempts_per_image", 1),
                r.bool("stop_on_content_rejected"), r.positiveDuration("provider_cooldown"),
                r.positiveDuration("hang_after"), r.durationOrOff("hedge_after"), r.durationOrOff("min_attempt_time"),
                r.positiveDuration("model_unavailable_skip"));
    }

    private List<ProviderId> providerOrder(Section r, Map<ProviderId, ProviderConfig> providers) {
        List<String> names = r.textList("provider_order");
        List<ProviderId> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String at = YamlDocument.item(r.path("provider_order"), i);
            String name = names.get(i);
            Optional<ProviderId> id = ProviderId.fromWireName(name);
            if (id.isEmpty()) {
                String hint = KeySuggester.closest(name, PROVIDER_NAMES).map(k -> "did you mean '" + k + "'? ")
                        .orElse("");
                problems.add(at, "unknown provider '" + name + "'; " + hint + "known: " + String.join(", ", PROVIDER_NAMES));
            } else if (order.contains(id.get())) {
                problems.add(at, "'" + id.get() + "' is listed twice; keep one");
            } else if (missing.contains(id.get())) {
                problems.add(at, "'" + id.get() + "' has no providers." + id.get() + " section; add one");
            } else {
                order.add(id.get());
            }
        }
        return List.copyOf(order);
    }

    private static PromptConfig prompt(Section p) {
        p.allowOnly(List.of("optimize", "auto_translate", "translate_models", "optimize_system_prompt",
                "translate_system_prompt", "keyless"));
        PromptConfig.Keyless keyless = p.section("keyless").map(ConfigBinder::keyless)
                .orElse(PromptConfig.Keyless.OFF);
        return new PromptConfig(p.bool("optimize"), p.bool("auto_translate"), p.text("optimize_system_prompt"),
                p.text("translate_system_prompt"), List.copyOf(p.textList("translate_models")), keyless);
    }

    private static PromptConfig.Keyless keyless(Section k) {
        k.allowOnly(List.of("enabled", "url", "model"));
        boolean enabled = k.bool("enabled");
        return new PromptConfig.Keyless(enabled, enabled ? k.httpUrl("url") : null, enabled ? k.text("model") : null);
    }

    /// `ledger:`; problems never quote the URL or the password.
    private LedgerConfig ledger(Section l) {
        l.allowOnly(List.of("url", "password", "connect_timeout"));
        Duration timeout = l.positiveDuration("connect_timeout");
        if (timeout != null && timeout.compareTo(MAX_CONNECT_TIMEOUT) > 0) {
            problems.add(l.path("connect_timeout"), "must be at most " + MAX_CONNECT_TIMEOUT.toSeconds() + "s, so a"
                    + " database that is down is noticed in time");
        }
        String url = l.optionalTextOrBlank("url");
        String password = l.optionalTextOrBlank("password");
        if (url == null) {
            if (password != null) {
                problems.add(l.path("password"), "is only used with ledger.url; set the url too, or remove it");
            }
            return LedgerConfig.LOCAL;
        }
        LedgerUrls.Parsed parsed = LedgerUrls.parse(url);
        if (parsed.problem() != null) {
            problems.add(l.path("url"), parsed.problem());
            return LedgerConfig.LOCAL;
        }
        if (password != null && parsed.password() != null) {
            problems.add(l.path("password"), "the URL has a password already; give it in one place only");
        }
        return new LedgerConfig(parsed.jdbcUrl(), parsed.user(), password != null ? password : parsed.password(),
                parsed.display(), timeout == null ? LedgerConfig.LOCAL.connectTimeout() : timeout);
    }

    private static List<String> allModels(Map<ProviderId, ProviderConfig> providers) {
        return providers.values().stream().flatMap(p -> p.models().keySet().stream()).distinct().toList();
    }
}
