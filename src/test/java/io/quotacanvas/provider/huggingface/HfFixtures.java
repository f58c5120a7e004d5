package io.quotacanvas.provider.huggingface;

import io.quotacanvas.config.ConfiguredToken;
import io.quotacanvas.config.ProviderConfig.SpaceConfig;
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
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.TestConfigs;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Hugging Face configs and calls built directly, the way the config loader would.
final class HfFixtures {
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final String CANARY = TestConfigs.CANARY;

    private final String routerUrl;
    private final Map<String, SpaceConfig> spaces = new LinkedHashMap<>();
    private final Map<String, String> options = new HashMap<>();

    private HfFixtures(String routerUrl) {
        this.routerUrl = routerUrl;
    }

    static HfFixtures router(String url) {
        return new HfFixtures(url);
    }

    HfFixtures space(String model, String url, String apiName) {
        return space(model, url, apiName, Map.of());
    }

    HfFixtures space(String model, String url, String apiName, Map<String, String> parameters) {
        spaces.put(model, new SpaceConfig(URI.create(url), apiName, parameters));
        return this;
    }

    HfFixtures option(String key, String value) {
        options.put(key, value);
        return this;
    }

    ProviderConfig build() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("z-image-turbo", "Tongyi-MAI/Z-Image-Turbo");
        models.put("flux-1-schnell", "black-forest-labs/FLUX.1-schnell");
        models.put("sdxl", "stabilityai/stable-diffusion-xl-base-1.0");
        return new ProviderConfig(ProviderId.HUGGINGFACE, true, URI.create(routerUrl),
                List.of(new ConfiguredToken(new Secret(CANARY), "config")), models, "z-image-turbo", "chat",
                new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30)),
                new QuotaReset(QuotaReset.Period.MONTHLY, ZoneOffset.UTC), Duration.ofMinutes(1), 2.0,
                ProviderOptions.parse(ProviderId.HUGGINGFACE, Map.copyOf(options), (key, problem) -> {
                    throw new IllegalArgumentException("options." + key + ": " + problem);
                }), true, Map.copyOf(spaces));
    }

    static Token token() {
        return new Token(ProviderId.HUGGINGFACE, 1, new Secret(CANARY), "config");
    }

    static Token anonymous() {
        return Token.anonymous(ProviderId.HUGGINGFACE);
    }

    static GenerationSettings settings(ImageSize size, AspectRatio ratio, Double guidance) {
        return new GenerationSettings("a red fox in fresh snow", ratio, size, 42L, 9, guidance, false);
    }

    static GenerationSettings square() {
        return settings(new ImageSize(1024, 1024), AspectRatio.SQUARE, null);
    }

    static ProviderCall call(String model, String hubId, Token token, Instant deadline) {
        return call(model, hubId, token, square(), deadline, new CallScope());
    }

    static ProviderCall call(String model, String hubId, Token token, GenerationSettings s, Instant deadline,
                             CallScope scope) {
        return new ProviderCall(model, hubId, s, token, deadline, scope);
    }
}
