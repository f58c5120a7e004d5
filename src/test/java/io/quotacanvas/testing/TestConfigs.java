package io.quotacanvas.testing;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.config.ConfigLoader;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.QuotaReset;
import io.quotacanvas.core.ProviderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/// Real configs for tests, built by the production loader from the defaults plus a little YAML.
public final class TestConfigs {
    private TestConfigs() {
    }

    /// The defaults with `order` as the provider order and tokens given as (provider, token, …) pairs.
    public static AppConfig withTokens(List<ProviderId> order, Object... providerTokenPairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < providerTokenPairs.length; i += 2) {
            ProviderId p = (ProviderId) providerTokenPairs[i];
            env.merge("QUOTA_CANVAS_" + p.wireName().toUpperCase(Locale.ROOT) + "_TOKENS",
                    (String) providerTokenPairs[i + 1], (a, b) -> a + "," + b);
        }
        String yaml = "routing:\n  provider_order: [" + order.stream().map(ProviderId::wireName)
                .collect(Collectors.joining(", ")) + "]\n";
        return load(yaml, env);
    }

    /// Loads `yaml` layered over the defaults with `env` as the environment.
    public static AppConfig load(String yaml, Map<String, String> env) {
        try {
            Path file = Files.createTempFile("quota-canvas-test-", ".yaml");
            try {
                Files.writeString(file, yaml);
                return ConfigLoader.load(file, env);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ConfigException e) {
            throw new IllegalStateException("test config is broken:\n" + e.getMessage(), e);
        }
    }

    /// A provider's default config with another quota reset rule.
    public static ProviderConfig provider(ProviderId id, QuotaReset reset) {
        ProviderConfig d = load("{}", Map.of()).provider(id);
        return new ProviderConfig(d.id(), d.enabled(), d.baseUrl(), d.tokens(), d.models(), d.defaultModel(),
                d.textModel(), d.timeouts(), reset, d.rateLimitCooldown(), d.hdScale(), d.options(),
                d.publicFallback(), d.spaces(), d.hubUrl(), d.maxSize(), d.modelSettings());
    }
}
