package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigEnvironmentTest {
    @TempDir
    Path dir;

    private static ConfiguredToken token(String value, String source) {
        return new ConfiguredToken(new Secret(value), source);
    }

    @Test
    void variablesExpandInStringsWithTheirFallbacks() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  gitee:
                    base_url: ${GITEE_URL}/v2
                    text_model: ${TEXT_MODEL:-Qwen3-8B}
                  a4f:
                    text_model: ${A4F_TEXT:-unused}
                routing:
                  max_parallel: ${PARALLEL:-5}
                """);

        AppConfig config = ConfigLoader.load(file, Map.of("GITEE_URL", "https://gitee.example", "A4F_TEXT", "a4f/x"));

        assertEquals(URI.create("https://gitee.example/v2"), config.provider(ProviderId.GITEE).baseUrl());
        assertEquals("Qwen3-8B", config.provider(ProviderId.GITEE).textModel());
        assertEquals("a4f/x", config.provider(ProviderId.A4F).textModel());
        assertEquals(5, config.routing().maxParallel());
    }

    @Test
    void aTokenThatExpandsToNothingIsDroppedAndASetOneIsKept() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  modelscope:
                    tokens: ["${MS_ONE}", "${MS_TWO}", "${MS_THREE:-}", "literal-token"]
                """);

        AppConfig config = ConfigLoader.load(file, Map.of("MS_TWO", "ms-two", "GITEE_TOKEN", "gitee-one"));

        assertEquals(List.of(token("ms-two", "config"), token("literal-token", "config")),
                config.provider(ProviderId.MODELSCOPE).tokens());
        assertEquals(List.of(token("gitee-one", "config")), config.provider(ProviderId.GITEE).tokens());
    }

    @Test
    void anUnsetVariableOutsideTokensIsAProblemNamingIt(@TempDir Path dir) {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  a4f:
                    text_model: ${A4F_TEXT_MODEL}
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(1, problems.size());
        assertEquals(3, problems.getFirst().line());
        assertEquals("providers.a4f.text_model", problems.getFirst().path());
        assertTrue(problems.getFirst().message().contains("A4F_TEXT_MODEL"), problems.getFirst().message());
    }

    @Test
    void environmentTokenListsFromBothNamingSchemesMergeAfterConfigTokensWithoutDuplicates() throws ConfigException {
        Map<String, String> env = Map.of(
                "GITEE_TOKEN", "g-1",
                "QUOTA_CANVAS_GITEE_TOKENS", " g-2 , g-1,\n g-3 ,, ",
                "T2I_PEINTURE_GITEE_TOKENS", "g-3\ng-4",
                "QUOTA_CANVAS_HF_TOKENS", "hf-1",
                "T2I_PEINTURE_HF_TOKENS", "hf-2,hf-1",
                "QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS", "sk-1",
                "T2I_PEINTURE_A4F_TOKENS", "a4f-1");

        AppConfig config = ConfigLoader.load(null, env);

        assertEquals(List.of(token("g-1", "config"), token("g-2", "env:QUOTA_CANVAS_GITEE_TOKENS"),
                token("g-3", "env:QUOTA_CANVAS_GITEE_TOKENS"), token("g-4", "env:T2I_PEINTURE_GITEE_TOKENS")),
                config.provider(ProviderId.GITEE).tokens());
        assertEquals(List.of(token("hf-1", "env:QUOTA_CANVAS_HF_TOKENS"), token("hf-2", "env:T2I_PEINTURE_HF_TOKENS")),
                config.provider(ProviderId.HUGGINGFACE).tokens());
        assertEquals(List.of(token("sk-1", "env:QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS")),
                config.provider(ProviderId.OPENAI_COMPATIBLE).tokens());
        assertEquals(List.of(token("a4f-1", "env:T2I_PEINTURE_A4F_TOKENS")), config.provider(ProviderId.A4F).tokens());
    }

    @Test
    void theHuggingFaceWireNameVariableIsReadToo() throws ConfigException {
        AppConfig config = ConfigLoader.load(null, Map.of("QUOTA_CANVAS_HUGGINGFACE_TOKENS", "hf-a,hf-b"));

        assertEquals(List.of(token("hf-a", "env:QUOTA_CANVAS_HUGGINGFACE_TOKENS"),
                token("hf-b", "env:QUOTA_CANVAS_HUGGINGFACE_TOKENS")), config.provider(ProviderId.HUGGINGFACE).tokens());
    }

    @Test
    void theUrlVariableOverridesTheOpenAiCompatibleBaseUrlAndTheNewNameWins(@TempDir Path dir)
            throws ConfigException {
        Path file = ConfigTestSupport.write(dir, "providers:\n  openai_compatible:\n    base_url: https://file.example/v1\n");

        URI legacy = ConfigLoader.load(file, Map.of("T2I_PEINTURE_OPENAI_COMPATIBLE_URL", "https://legacy.example/v1"))
                .provider(ProviderId.OPENAI_COMPATIBLE).baseUrl();
        URI both = ConfigLoader.load(file, Map.of("T2I_PEINTURE_OPENAI_COMPATIBLE_URL", "https://legacy.example/v1",
                "QUOTA_CANVAS_OPENAI_COMPATIBLE_URL", "http://localhost:8080/v1"))
                .provider(ProviderId.OPENAI_COMPATIBLE).baseUrl();

        assertEquals(URI.create("https://legacy.example/v1"), legacy);
        assertEquals(URI.create("http://localhost:8080/v1"), both);
    }

    @Test
    void aBadUrlOverrideIsAProblemNamingTheVariable() {
        List<ConfigProblem> problems = ConfigTestSupport.problems(null,
                Map.of("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL", "localhost:8080"));

        assertEquals(1, problems.size());
        assertEquals("providers.openai_compatible.base_url", problems.getFirst().path());
        assertTrue(problems.getFirst().message().contains("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL"));
    }
}
