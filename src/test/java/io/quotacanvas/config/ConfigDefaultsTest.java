package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDefaultsTest {

    @Test
    void defaultsLoadWithoutAFileAndMatchTheExampleConfig() throws ConfigException {
        AppConfig config = ConfigLoader.load(null, Map.of());

        assertNull(config.source());
        RoutingConfig routing = config.routing();
        assertEquals(List.of(ProviderId.values()), routing.providerOrder());
        assertEquals("z-image-turbo", routing.defaultModel());
        assertEquals(8, routing.maxParallel());
        assertEquals(1, routing.perTokenConcurrency());
        assertEquals(12, routing.maxAttemptsPerImage());
        assertTrue(routing.stopOnContentRejected());
        assertEquals(Duration.ofMinutes(2), routing.providerCooldown());
        assertTrue(config.prompt().optimize());
        assertFalse(config.prompt().autoTranslate());
        assertEquals(List.of("flux-2", "flux-1-schnell", "flux-1-krea", "flux-1"), config.prompt().translateModels());
        assertTrue(config.prompt().optimizeSystemPrompt().startsWith("You are a master prompt engineer"));
    }

    @Test
    void everyProviderGetsItsDocumentedModelsInFileOrder() throws ConfigException {
        AppConfig config = ConfigLoader.load(null, Map.of());

        assertEquals(ProviderId.values().length, config.providers().size());
        assertEquals(List.of("z-image-turbo", "z-image", "qwen-image", "ovis-image", "flux-1-schnell", "flux-2"),
                List.copyOf(config.provider(ProviderId.HUGGINGFACE).models().keySet()));
        assertEquals(List.of("z-image-turbo", "flux-2", "qwen-image", "flux-1-schnell", "flux-1-krea", "flux-1"),
                List.copyOf(config.provider(ProviderId.GITEE).models().keySet()));
        assertEquals(List.of("z-image-turbo", "z-image", "flux-2", "qwen-image", "flux-1-krea", "flux-1"),
                List.copyOf(config.provider(ProviderId.MODELSCOPE).models().keySet()));
        assertEquals(List.of("z-image-turbo", "imagen-4", "imagen-3.5", "flux-1-schnell"),
                List.copyOf(config.provider(ProviderId.A4F).models().keySet()));
        assertEquals(List.of("qwen-image", "kolors"),
                List.copyOf(config.provider(ProviderId.OPENAI_COMPATIBLE).models().keySet()));
        assertEquals("FLUX.2-dev", config.provider(ProviderId.GITEE).models().get("flux-2"));
    }

    @Test
    void providerDetailsAreBoundFromTheExample() throws ConfigException {
        AppConfig config = ConfigLoader.load(null, Map.of());

        ProviderConfig hf = config.provider(ProviderId.HUGGINGFACE);
        assertTrue(hf.enabled());
        assertTrue(hf.publicFallback());
        assertEquals(URI.create("https://router.huggingface.co"), hf.baseUrl());  // expected default
        assertEquals("z-image-turbo", hf.defaultModel());
        assertEquals("openai/gpt-oss-120b:fastest", hf.textModel());
        URI schnell = URI.create("https://black-forest-labs-flux-1-schnell.hf.space"); // expected default
        assertEquals(new ProviderConfig.SpaceConfig(schnell,
                "/infer", Map.of()), hf.spaces().get("flux-1-schnell"));
        assertEquals(new QuotaReset(QuotaReset.Period.MONTHLY, ZoneId.of("UTC")), hf.quotaReset());
        assertEquals(new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(300)),
                hf.timeouts());
        assertEquals(Duration.ofSeconds(60), hf.rateLimitCooldown());
        assertEquals(2.0, hf.hdScale());

        ProviderConfig gitee = config.provider(ProviderId.GITEE);
        assertEquals(new QuotaReset(QuotaReset.Period.DAILY, ZoneId.of("Asia/Shanghai")), gitee.quotaReset());
        assertEquals(new ProviderOptions.Gitee(true), gitee.options());
        assertTrue(gitee.tokens().isEmpty(), "unset ${GITEE_TOKEN} is dropped");
        assertFalse(gitee.publicFallback());
        assertTrue(gitee.spaces().isEmpty());

        assertEquals(URI.create("https://huggingface.co"), hf.hubUrl());  // expected default
        assertEquals(2048, hf.maxSize());

        ProviderConfig oai = config.provider(ProviderId.OPENAI_COMPATIBLE);
        assertNull(oai.baseUrl(), "no default host");
        assertTrue(oai.setupProblem().contains("providers.openai_compatible.base_url"), oai.setupProblem());
        assertNull(oai.textModel());
        assertEquals(new ProviderOptions.OpenAiCompatible(false, ProviderOptions.ResponseFormat.B64_JSON), oai.options());
    }

    @Test
    void anEmptyUserFileMeansAllDefaults(@TempDir Path dir) throws ConfigException {
        Path file = ConfigTestSupport.write(dir, "# nothing changed yet\n");

        AppConfig fromFile = ConfigLoader.load(file, Map.of());

        AppConfig defaults = ConfigLoader.load(null, Map.of());
        assertEquals(file, fromFile.source());
        assertEquals(defaults.routing(), fromFile.routing());
        assertEquals(defaults.prompt(), fromFile.prompt());
        assertEquals(defaults.providers(), fromFile.providers());
    }

    @Test
    void theExampleFileItselfLoadsAsAUserFile(@TempDir Path dir) throws ConfigException {
        Path file = ConfigTestSupport.resource(dir, "/io/quotacanvas/config/config.example.yaml");

        assertEquals(ConfigLoader.load(null, Map.of()).providers(), ConfigLoader.load(file, Map.of()).providers());
    }
}
