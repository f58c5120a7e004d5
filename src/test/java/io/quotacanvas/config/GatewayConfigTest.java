package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `gateway:` — defaults, keys from the file and the environment, limits and aliases, every mistake at its line.
class GatewayConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultsListenOnLoopbackWithNoKeyAndOpenAiLikeLimits() throws Exception {
        GatewayConfig g = ConfigLoader.load(null, Map.of()).gateway();

        assertEquals("127.0.0.1", g.host());
        assertEquals(8787, g.port());
        assertEquals(List.of(), g.apiKeys());
        assertEquals(64, g.maxQueue());
        assertEquals(1L << 20, g.maxBodyBytes());
        assertEquals(Duration.ofHours(1), g.fileTtl());
        assertEquals(Duration.ofSeconds(180), g.imageTimeout());
        assertEquals(Duration.ofSeconds(30), g.shutdownGrace());
        assertNull(g.publicUrl());
        assertEquals(List.of(), g.cors());
        assertEquals(Map.of(), g.modelAliases());
    }

    @Test
    void keysComeFromTheFileExpandedAndFromTheEnvironmentAndAnUnsetVariableDropsItsEntry() throws Exception {
        Path file = ConfigTestSupport.write(dir, """
                gateway:
                  api_keys: ["${GW_KEY}", "${UNSET_KEY}", "test-literal-key-0001"]
                  max_body: 64KiB
                  cors: ["http://localhost:3210"]
                  model_aliases: {dall-e-3: z-image-turbo}
                """);

        GatewayConfig g = ConfigLoader.load(file, Map.of("GW_KEY", "test-env-key-000001",
                GatewayConfig.KEYS_VARIABLE, "test-list-key-000001, test-list-key-000002")).gateway();

        assertEquals(List.of(new Secret("test-env-key-000001"), new Secret("test-literal-key-0001"),
                new Secret("test-list-key-000001"), new Secret("test-list-key-000002")), g.apiKeys());
        assertEquals(64 * 1024, g.maxBodyBytes());
        assertEquals(List.of("http://localhost:3210"), g.cors());
        assertEquals(Map.of("dall-e-3", "z-image-turbo"), g.modelAliases());
        assertFalse(g.toString().contains("test-"), "toString never shows a key");
    }

    @Test
    void everyMistakeIsReportedAtItsLineWithoutQuotingAKey() {
        Path file = ConfigTestSupport.write(dir, """
                gateway:
                  port: 70000
                  api_keys: ["short-key"]
                  max_queue: 0
                  max_body: lots
                  file_ttl: forever
                  public_url: ftp://example.com
                  cors: ["http://localhost:3210/app"]
                  model_aliases: {dall-e-3: no-such-model}
                  listen: everywhere
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("2 gateway.port", "3 gateway.api_keys[0]", "4 gateway.max_queue", "5 gateway.max_body",
                        "6 gateway.file_ttl", "7 gateway.public_url", "8 gateway.cors[0]",
                        "9 gateway.model_aliases.dall-e-3", "10 gateway.listen"),
                ConfigTestSupport.linesAndPaths(problems));
        assertTrue(problems.stream().noneMatch(p -> p.message().contains("short-key")), problems.toString());
    }
}
