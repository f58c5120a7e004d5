package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidationTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithManyMistakesReportsEveryOneAtItsLine() {
        Path file = ConfigTestSupport.resource(dir, "broken.yaml");

        ConfigException e = ConfigTestSupport.failure(file, Map.of());

        assertEquals(List.of(
                "3 routing.provder_order",
                "4 routing.max_parallel",
                "5 routing.provider_cooldown",
                "6 routing.default_model",
                "8 prompt.optimize",
                "11 providers.gitee.base_url",
                "12 providers.gitee.hd_scale",
                "13 providers.gitee.quota_reset.period",
                "13 providers.gitee.quota_reset.zone",
                "16 providers.gitee.tokens[1]",
                "19 providers.a4f.timeouts.connect",
                "20 providers.a4f.text_model",
                "22 providers.modelscope.models.z-image",
                "23 providers.gitea"), ConfigTestSupport.linesAndPaths(e.problems()).stream().sorted(
                        java.util.Comparator.comparingInt((String s) -> Integer.parseInt(s.split(" ")[0]))).toList());
        assertTrue(e.problems().stream().allMatch(p -> p.file().equals(file)));
        assertTrue(e.getMessage().contains(file + ":4: routing.max_parallel: must be a whole number ≥ 1"),
                e.getMessage());
    }

    @Test
    void theOptionsAdaptersReadAreCheckedAtTheirLines() {
        // regression: a bad poll_interval silently fell back to 3 s
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  modelscope:
                    options: {poll_interval: soon}
                  gitee:
                    options:
                      failover: maybe
                  openai_compatible:
                    options: {response_format: png, send_seed: "true", anything_else: kept}
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("3 providers.modelscope.options.poll_interval", "6 providers.gitee.options.failover",
                "8 providers.openai_compatible.options.response_format",
                "8 providers.openai_compatible.options.anything_else"), ConfigTestSupport.linesAndPaths(problems));
        assertEquals("must be a duration of at least 10ms, such as 3s or 500ms", problems.getFirst().message());
    }

    @Test
    void optionsAreTypedOnceAtLoadAndUnknownOnesAreNamed() throws ConfigException {
        // regression: poll_interval: 1h passed validation and then silently became 3 s; token_route wasn't read
        Path good = ConfigTestSupport.write(dir, """
                providers:
                  modelscope:
                    options: {poll_interval: 1h}
                  huggingface:
                    options: {token_route: router}
                """);
        AppConfig config = ConfigLoader.load(good, Map.of());
        assertEquals(new ProviderOptions.ModelScope(java.time.Duration.ofHours(1)),
                config.provider(io.quotacanvas.core.ProviderId.MODELSCOPE).options());
        assertEquals(new ProviderOptions.HuggingFace(ProviderOptions.TokenRoute.ROUTER),
                config.provider(io.quotacanvas.core.ProviderId.HUGGINGFACE).options());

        Path typo = ConfigTestSupport.write(dir, """
                providers:
                  huggingface:
                    options: {token_rout: router}
                  a4f:
                    options: {failover: true}
                """);
        List<ConfigProblem> problems = ConfigTestSupport.problems(typo, Map.of());
        assertEquals(List.of("3 providers.huggingface.options.token_rout", "5 providers.a4f.options.failover"),
                ConfigTestSupport.linesAndPaths(problems));
        assertTrue(problems.getFirst().message().contains("did you mean 'token_route'"), problems.getFirst().message());
        assertTrue(problems.get(1).message().contains("takes none"), problems.get(1).message());
    }

    @Test
    void modelSettingsAndSizeLimitsAreCheckedAtTheirLines() {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  gitee:
                    max_size: 32
                    model_settings:
                      flux-1: {steps: 0, guidance: lots, hd_scale: 9}
                      flux-1-kera: {steps: 20}
                      qwen-image: {stesp: 20}
                  huggingface:
                    hub_url: not-a-url
                """);

        List<String> found = ConfigTestSupport.linesAndPaths(ConfigTestSupport.problems(file, Map.of()));

        assertEquals(List.of("3 providers.gitee.max_size", "5 providers.gitee.model_settings.flux-1.steps",
                "5 providers.gitee.model_settings.flux-1.guidance", "5 providers.gitee.model_settings.flux-1.hd_scale",
                "6 providers.gitee.model_settings.flux-1-kera", "7 providers.gitee.model_settings.qwen-image.stesp",
                "9 providers.huggingface.hub_url"), found.stream().sorted(
                        java.util.Comparator.comparingInt((String s) -> Integer.parseInt(s.split(" ")[0]))).toList());
    }

    @Test
    void guidanceNoneResponseFormatOmitAndANullMaxSizeAreAccepted() throws ConfigException {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  gitee:
                    max_size: null
                    model_settings: {flux-1: {guidance: none}}
                  openai_compatible:
                    base_url: https://api.openai.com/v1
                    models: {gpt-image-1: gpt-image-1}
                    model_settings: {gpt-image-1: {max_size: 1536}}
                    options: {response_format: omit}
                """);

        AppConfig config = ConfigLoader.load(file, Map.of());

        ProviderConfig gitee = config.provider(io.quotacanvas.core.ProviderId.GITEE);
        assertEquals(0, gitee.maxSize());
        assertFalse(gitee.settingsFor("flux-1").takesGuidance());
        assertEquals(20, gitee.settingsFor("flux-1").steps(), "the default's other settings are kept");
        ProviderConfig oai = config.provider(io.quotacanvas.core.ProviderId.OPENAI_COMPATIBLE);
        assertEquals(new ProviderOptions.OpenAiCompatible(false, ProviderOptions.ResponseFormat.OMIT), oai.options());
        assertEquals(1536, oai.settingsFor("gpt-image-1").maxSize());
        assertEquals(null, oai.setupProblem());
    }

    @Test
    void anUnknownKeySuggestsTheKeyItWasProbablyMeantToBe() {
        Path file = ConfigTestSupport.write(dir, "routing:\n  provder_order: [gitee]\nprovders: {}\n");

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("2 routing.provder_order", "3 provders"), ConfigTestSupport.linesAndPaths(problems));
        assertEquals("unknown key 'provder_order'; did you mean 'provider_order'?", problems.get(0).message());
        assertEquals("unknown key 'provders'; did you mean 'providers'?", problems.get(1).message());
    }

    @Test
    void anUnknownKeyWithNothingCloseListsTheKnownKeys() {
        Path file = ConfigTestSupport.write(dir, "prompt:\n  colour: blue\n");

        ConfigProblem problem = ConfigTestSupport.problems(file, Map.of()).getFirst();

        assertEquals("prompt.colour", problem.path());
        assertTrue(problem.message().contains("known keys here: optimize, auto_translate"), problem.message());
    }

    @Test
    void providerOrderRejectsUnknownAndRepeatedProviders() {
        Path file = ConfigTestSupport.write(dir, """
                routing:
                  provider_order:
                    - gitee
                    - gitea
                    - gitee
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("4 routing.provider_order[1]", "5 routing.provider_order[2]"),
                ConfigTestSupport.linesAndPaths(problems));
        assertTrue(problems.get(0).message().contains("did you mean 'gitee'?"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("listed twice"), problems.get(1).message());
    }

    @Test
    void aDefaultModelNoProviderOffersIsAProblem() {
        Path file = ConfigTestSupport.write(dir, "routing:\n  default_model: sdxl\n");

        ConfigProblem problem = ConfigTestSupport.problems(file, Map.of()).getFirst();

        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("no provider offers 'sdxl'"), problem.message());
    }

    @Test
    void aProviderDefaultModelMustBeOneOfItsModels() {
        Path file = ConfigTestSupport.write(dir, "providers:\n  a4f:\n    default_model: kolors\n");

        ConfigProblem problem = ConfigTestSupport.problems(file, Map.of()).getFirst();

        assertEquals("3 providers.a4f.default_model", problem.line() + " " + problem.path());
    }

    @Test
    void spacesNeedAnHttpUrlAndAnApiName() {
        Path file = ConfigTestSupport.write(dir, """
                providers:
                  huggingface:
                    spaces:
                      kolors: {url: not a url}
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("4 providers.huggingface.spaces.kolors.url", "4 providers.huggingface.spaces.kolors.api_name"),
                ConfigTestSupport.linesAndPaths(problems));
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        Path file = ConfigTestSupport.write(dir, "routing:\n  max_parallel: 4\n bad_indent: 3\nprompt: {}\n");

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(1, problems.size());
        assertEquals(3, problems.getFirst().line());
        assertTrue(problems.getFirst().message().startsWith("broken YAML"), problems.getFirst().message());
    }

    @Test
    void anUnclosedListPointsAtWhereItStarted() {
        Path file = ConfigTestSupport.write(dir, "routing:\n  provider_order: [gitee, a4f\nprompt: {}\n");

        ConfigProblem problem = ConfigTestSupport.problems(file, Map.of()).getFirst();

        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("started on line 2"), problem.message());
    }

    @Test
    void aKeyWrittenTwiceIsAProblem() {
        Path file = ConfigTestSupport.write(dir, "routing:\n  max_parallel: 4\n  max_parallel: 5\n");

        ConfigProblem problem = ConfigTestSupport.problems(file, Map.of()).getFirst();

        assertEquals("3 routing.max_parallel", problem.line() + " " + problem.path());
        assertTrue(problem.message().contains("line 2"), problem.message());
    }

    @Test
    void aFileThatIsNotAMappingIsAProblem() {
        Path file = ConfigTestSupport.write(dir, "- just\n- a list\n");

        assertEquals(1, ConfigTestSupport.problems(file, Map.of()).size());
    }

    @Test
    void aMissingExplicitFileIsAProblemNamingIt() {
        Path missing = dir.resolve("nope.yaml");

        ConfigException e = ConfigTestSupport.failure(missing, Map.of());

        assertEquals(1, e.problems().size());
        assertEquals(missing, e.problems().getFirst().file());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFolderGivenAsTheFileIsAProblem() {
        ConfigException e = ConfigTestSupport.failure(dir, Map.of());

        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void tokenValuesNeverAppearInProblems() throws Exception {
        String canary = "hf_canary-not-a-real-token-1234567890";
        Path file = ConfigTestSupport.write(dir, """
                routing:
                  max_parallel: %1$s
                  %1$s: 1
                providers:
                  gitee:
                    tokens: [[%1$s], {value: %1$s}, 42, "${UNSET_PART}%1$s"]
                    hd_scale: %1$s
                    rate_limit_cooldown: %1$s
                  a4f:
                    tokens: %1$s
                    enabled: %1$s
                  modelscope:
                    tokens: {%1$s: x}
                """.formatted(canary));

        ConfigException e = ConfigTestSupport.failure(file, Map.of());

        assertTrue(e.problems().size() >= 8, e.getMessage());
        assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        assertTrue(e.getMessage().contains("providers.gitee.tokens[1]: must be a string"), e.getMessage());
    }

    @Test
    void aTokenOnABrokenLineIsNotQuotedInTheSyntaxError() {
        Path file = ConfigTestSupport.write(dir, "providers:\n  gitee:\n    tokens: [\"hf_CANARY123456789abc]\n");

        ConfigException e = ConfigTestSupport.failure(file, Map.of());

        assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsAProblem() throws Exception {
        Path file = ConfigTestSupport.write(dir, "routing: {}\n");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28});

        assertTrue(ConfigTestSupport.failure(file, Map.of()).getMessage().contains("UTF-8"));
    }
}
