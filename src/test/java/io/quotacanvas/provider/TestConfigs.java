package io.quotacanvas.provider;

import io.quotacanvas.config.ConfiguredToken;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.config.QuotaReset;
import io.quotacanvas.config.Timeouts;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Builds [ProviderConfig] records and [ProviderCall]s directly, the way the config loader would.
public final class TestConfigs {
    /// A token value that must only ever reach its own provider's server.
    public static final String CANARY = "sk-canary-do-not-leak-1234567890";

    private final ProviderId id;
    private URI baseUrl;
    private final Map<String, String> options = new HashMap<>();
    private Timeouts timeouts = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

    private TestConfigs(ProviderId id, URI baseUrl) {
        this.id = id;
        this.baseUrl = baseUrl;
    }

    public static TestConfigs provider(ProviderId id, String baseUrl) {
        return new TestConfigs(id, URI.create(baseUrl));
    }

    public TestConfigs option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public TestConfigs timeouts(Duration connect, Duration read, Duration overall) {
        timeouts = new Timeouts(connect, read, overall);
        return this;
    }

    public ProviderConfig build() {
        return new ProviderConfig(id, true, baseUrl, List.of(new ConfiguredToken(new Secret(CANARY), "config")),
                Map.of("z-image-turbo", "z-image-turbo"), "z-image-turbo", "chat-model", timeouts,
                new QuotaReset(QuotaReset.Period.DAILY, ZoneOffset.UTC), Duration.ofMinutes(1), 1.5,
                ProviderOptions.parse(id, Map.copyOf(options), (key, problem) -> {
                    throw new IllegalArgumentException("options." + key + ": " + problem);
                }), false, Map.of());
    }

    public static Token canaryToken(ProviderId id) {
        return new Token(id, 1, new Secret(CANARY), "config");
    }

    public static GenerationSettings settings(Double guidance) {
        return new GenerationSettings("a red fox in fresh snow", AspectRatio.SQUARE, new ImageSize(1024, 768), 42L,
                9, guidance, false);
    }

    /// A call with the canary token, 4.5 guidance, a 30 s deadline and a fresh scope.
    public static ProviderCall call(ProviderId id) {
        return call(id, Instant.now().plusSeconds(30), new CallScope());
    }

    public static ProviderCall call(ProviderId id, Instant deadline, CallScope scope) {
        return new ProviderCall("z-image-turbo", "z-image-turbo", settings(4.5), canaryToken(id), deadline, scope);
    }
}
