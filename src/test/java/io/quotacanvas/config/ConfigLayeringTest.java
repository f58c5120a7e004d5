package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quotacanvas.core.ProviderId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLayeringTest {
    @TempDir
    Path dir;

    @Test
    void aUserValueOverridesOneKeyAndTheRestComesFromTheDefaults() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                routing:
                  max_parallel: 3
                providers:
                  gitee:
                    timeouts: {read: 45s}
                """);

        AppConfig config = ConfigLoader.load(file, Map.of());

        assertEquals(3, config.routing().maxParallel());
        assertEquals(12, config.routing().maxAttemptsPerImage());
        assertEquals(List.of(ProviderId.values()), config.routing().providerOrder());
        Timeouts timeouts = config.provider(ProviderId.GITEE).timeouts();
        assertEquals(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(180)), timeouts);
        assertEquals("DeepSeek-V3.2", config.provider(ProviderId.GITEE).textModel());
    }

    @Test
    void listsReplaceTheDefaultListWhole() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                routing:
                  provider_order: [modelscope, gitee]
                prompt:
                  translate_models: [flux-2]
                """);

        AppConfig config = ConfigLoader.load(file, Map.of());

        assertEquals(List.of(ProviderId.MODELSCOPE, ProviderId.GITEE), config.routing().providerOrder());
        assertEquals(List.of("flux-2"), config.prompt().translateModels());
    }

    @Test
    void modelMapsMergeKeepingTheDefaultOrderThenNewModels() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  openai_compatible:
                    models:
                      kolors: Kwai-Kolors/Kolors-v2
                      sdxl: stabilityai/sdxl
                    default_model: sdxl
                """);

        ProviderConfig oai = ConfigLoader.load(file, Map.of()).provider(ProviderId.OPENAI_COMPATIBLE);

        assertEquals(List.of("qwen-image", "kolors", "sdxl"), List.copyOf(oai.models().keySet()));
        assertEquals("Kwai-Kolors/Kolors-v2", oai.models().get("kolors"));
        assertEquals("sdxl", oai.defaultModel());
    }

    @Test
    void valuesAreBoundWithTheirDocumentedForms() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                routing:
                  provider_cooldown: 90
                providers:
                  huggingface:
                    enabled: false
                    rate_limit_cooldown: 500ms
                    hd_scale: 4
                    quota_reset: {period: daily, zone: Europe/Paris}
                    options: {token_route: router}
                    spaces:
                      z-image-turbo:
                        url: https://example.hf.space
                        api_name: /run
                        parameters: {prompt: text, steps: 8}
                  a4f:
                    text_model: null
                    timeouts: {overall: 1d, connect: 1h}
                """);

        AppConfig config = ConfigLoader.load(file, Map.of());

        assertEquals(Duration.ofSeconds(90), config.routing().providerCooldown());
        ProviderConfig hf = config.provider(ProviderId.HUGGINGFACE);
        assertFalse(hf.enabled());
        assertEquals(Duration.ofMillis(500), hf.rateLimitCooldown());
        assertEquals(4.0, hf.hdScale());
        assertEquals(QuotaReset.Period.DAILY, hf.quotaReset().period());
        assertEquals(new ProviderOptions.HuggingFace(ProviderOptions.TokenRoute.ROUTER), hf.options());
        ProviderConfig.SpaceConfig space = hf.spaces().get("z-image-turbo");
        assertEquals("/run", space.apiName());
        assertEquals(Map.of("prompt", "text", "steps", "8"), space.parameters());
        ProviderConfig a4f = config.provider(ProviderId.A4F);
        assertEquals(null, a4f.textModel());
        assertEquals(Duration.ofDays(1), a4f.timeouts().overall());
        assertEquals(Duration.ofHours(1), a4f.timeouts().connect());
    }
}
