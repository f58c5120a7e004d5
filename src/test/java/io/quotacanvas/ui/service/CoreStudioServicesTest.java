package io.quotacanvas.ui.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ProviderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The studio's facade over the real composition root reads what the pickers and the form start from.
class CoreStudioServicesTest {
    @TempDir
    Path home;

    private CoreStudioServices open(String yaml, Map<String, String> extraEnv) throws Exception {
        Files.writeString(home.resolve("config.yaml"), yaml);
        Map<String, String> env = new HashMap<>(Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT",
                "file"));
        env.putAll(extraEnv);
        return new CoreStudioServices(QuotaCanvas.open(null, env, Clock.systemUTC()), Clock.systemUTC());
    }

    @Test
    void optimisePromptByDefaultIsTheConfigsPromptOptimize() throws Exception {
        try (CoreStudioServices defaults = open("{}", Map.of())) {
            assertTrue(defaults.optimizePromptByDefault());
        }
        try (CoreStudioServices off = open("prompt: {optimize: false}\n", Map.of())) {
            assertFalse(off.optimizePromptByDefault());
        }
    }

    @Test
    void anOpenAiCompatibleProviderWithoutABaseUrlIsNotOfferedUntilOneIsGiven() throws Exception {
        try (CoreStudioServices noUrl = open("{}", Map.of("OPENAI_API_KEY", "openai-key-0001"))) {
            assertFalse(info(noUrl, ProviderId.OPENAI_COMPATIBLE).enabled());
        }
        try (CoreStudioServices withUrl = open("{}", Map.of("OPENAI_API_KEY", "openai-key-0001",
                "QUOTA_CANVAS_OPENAI_COMPATIBLE_URL", "http://127.0.0.1:9/v1"))) {
            assertTrue(info(withUrl, ProviderId.OPENAI_COMPATIBLE).enabled());
            assertEquals(1, info(withUrl, ProviderId.OPENAI_COMPATIBLE).tokenCount());
        }
    }

    @Test
    void theHintsAreEachProvidersOwnModelSettingsAndAutoTakesTheFirstProviderOfferingTheModel() throws Exception {
        try (CoreStudioServices core = open("""
                routing: {provider_order: [gitee, huggingface]}
                providers:
                  gitee: {model_settings: {qwen-image: {steps: 14, guidance: 2.5}}}
                """, Map.of())) {
            assertEquals(new ModelHint(8, 4.0), core.hint(ProviderId.HUGGINGFACE, "qwen-image"));
            assertEquals(new ModelHint(14, 2.5), core.hint(ProviderId.GITEE, "qwen-image"), "the config's own");
            assertEquals(new ModelHint(14, 2.5), core.hint(null, "qwen-image"), "gitee is tried first");
            assertEquals(new ModelHint(9, null), core.hint(ProviderId.GITEE, "z-image-turbo"));
        }
    }

    @Test
    void withNoTokenHuggingFacesPublicSpacesAreTheRouteANewUserHas() throws Exception {
        try (CoreStudioServices core = open("{}", Map.of())) {
            ProviderInfo hf = info(core, ProviderId.HUGGINGFACE);
            assertTrue(hf.anonymous());
            assertEquals(0, hf.tokenCount());
            ProviderStatus status = core.status(ProviderId.HUGGINGFACE, Clock.systemUTC().instant());
            assertTrue(status.usable() && status.anonymous().ready());
            var ready = core.readiness(Clock.systemUTC().instant()).stream().filter(ModelReadiness::ready).toList();
            assertFalse(ready.isEmpty());
            assertTrue(ready.stream().allMatch(r -> r.provider() == ProviderId.HUGGINGFACE && r.anonymousReady()),
                    ready.toString());
        }
        try (CoreStudioServices off = open("providers: {huggingface: {public_fallback: false}}\n", Map.of())) {
            assertFalse(info(off, ProviderId.HUGGINGFACE).anonymous());
            assertEquals(null, off.status(ProviderId.HUGGINGFACE, Clock.systemUTC().instant()).anonymous());
        }
    }

    private static ProviderInfo info(StudioServices services, ProviderId id) {
        return services.providers().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
