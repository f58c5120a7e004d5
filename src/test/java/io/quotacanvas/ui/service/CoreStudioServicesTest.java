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

    private static ProviderInfo info(StudioServices services, ProviderId id) {
        return services.providers().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }
}
