package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// Whole flows through the real command line, engine, adapters, ledger and library, against loopback
/// servers speaking the providers' wire protocol.
class GenerateScenarioTest {

    @TempDir
    Path home;

    private FakeImagesServer gitee;
    private FakeImagesServer a4f;
    private CliHarness cli;

    @BeforeEach
    void startServers() {
        gitee = new FakeImagesServer(Flavor.GITEE);
        a4f = new FakeImagesServer(Flavor.OPENAI);
        cli = new CliHarness(home);
        cli.config("""
                routing:
                  provider_order: [gitee, a4f]
                providers:
                  gitee:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                  a4f:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                """.formatted(gitee.baseUrl(), a4f.baseUrl()));
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one-0001,gitee-token-two-0002");
        cli.env("QUOTA_CANVAS_A4F_TOKENS", "a4f-token-one-0001");
    }

    @AfterEach
    void stopServers() {
        gitee.close();
        a4f.close();
    }

    @Test
    void aSuccessfulImagePrintsEveryContractFieldAndIsStoredWithMetadata() throws Exception {
        var run = cli.run("--prompt", "a red fox in snow", "--json", "--seed", "42", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode json = run.json();
        for (String field : List.of("id", "url", "provider", "model", "prompt_original", "prompt_final", "seed",
                "steps", "guidance_scale", "aspect_ratio", "fallback_chain", "elapsed_ms", "saved_path", "width",
                "height", "attempts")) {
            assertTrue(json.has(field), "missing " + field + " in " + json);
        }
        assertEquals("gitee", json.get("provider").asString());
        assertEquals("z-image-turbo", json.get("model").asString());
        assertEquals(42, json.get("seed").asLong());
        assertEquals(9, json.get("steps").asInt());
        assertEquals("1:1", json.get("aspect_ratio").asString());
        assertEquals("a red fox in snow", json.get("prompt_final").asString());
        assertTrue(json.get("url").asString().startsWith(gitee.baseUrl().replace("/v1", "/files/")));
        assertEquals(64, json.get("width").asInt());
        assertEquals(48, json.get("height").asInt());
        Path saved = Path.of(json.get("saved_path").asString());
        assertTrue(Files.isRegularFile(saved));
        assertTrue(saved.startsWith(home.resolve("library")));
        assertNotNull(ImageIO.read(saved.toFile()), "saved file is a readable PNG");
        assertEquals("success", json.get("attempts").get(0).get("outcome").asString());
    }

    @Test
    void deadlinesRunOnRealTimeWhateverTheLedgerClockSays() {
        // regression: deadlines were taken from the ledger clock but checked by adapters in real time, so a
        // ledger clock behind real time made every request "time out" before it was sent
        cli.clock.set(Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(0, cli.run("--prompt", "past", "--no-optimize-prompt", "--quiet").exitCode());

        cli.clock.set(Instant.parse("2040-01-01T00:00:00Z"));
        assertEquals(0, cli.run("--prompt", "future", "--no-optimize-prompt", "--quiet").exitCode());
    }

    /// Regression: a token with a character a header can't carry (a pasted "ö", an inner space) made OkHttp
    /// throw, the image failed as an internal error without trying the next token, and the token stayed
    /// "ready". Now nothing is sent with it, it is marked invalid, and the batch goes on the good token.
    @Test
    void aTokenAHeaderCantCarryIsRefusedWithoutARequestAndTheNextTokenServes() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "t\u00f6k\u00e9n-0005-abcdef,\u00a0gitee-token-two-0002\u200b");

        var run = cli.run("--prompt", "lanterns", "--count", "3", "--json", "--no-optimize-prompt",
                "--provider", "gitee");

        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        assertEquals(3, run.json().get("succeeded").asInt());
        assertTrue(run.stdout().contains("auth_failed"), run.stdout());
        assertEquals(3, gitee.generationRequests().size(), "nothing was sent with the unsendable token");
        assertEquals(3, gitee.requestsWithToken("gitee-token-two-0002"), "the copied blanks around it are gone");
        var status = cli.run("status", "--provider", "gitee", "--json");
        assertTrue(status.stdout().contains("\"invalid\" : 1"), status.stdout());
    }

    @Test
    void aSpentTokenIsCooledUntilBeijingMidnightAndTheNextTokenServes() {
        gitee.script("gitee-token-one-0001", Reply.QUOTA);

        var run = cli.run("--prompt", "lanterns", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode chain = run.json().get("fallback_chain");
        assertEquals(List.of("gitee/z-image-turbo (gitee#1 …0001): quota_exhausted",
                "gitee/z-image-turbo (gitee#2 …0002): success"), strings(chain));
        JsonNode cooled = run.json().get("attempts").get(0);
        assertEquals(429, cooled.get("http_status").asInt());
        // 2026-11-24T08:00Z is 16:00 in Shanghai; the reset is the next Shanghai midnight
        assertEquals("2026-11-24T16:00:00Z", cooled.get("cooling_until").asString());
    }

    @Test
    void giteeIsSentTheSeedsStepsGuidanceAndHdSizePerModel() {
        var qwen = cli.run("--prompt", "a koi", "--provider", "gitee", "--model", "qwen-image", "--json",
                "--no-optimize-prompt");
        var flux = cli.run("--prompt", "a koi", "--provider", "gitee", "--model", "flux-1", "--enable-hd", "--json",
                "--no-optimize-prompt");
        var turbo = cli.run("--prompt", "a koi", "--provider", "gitee", "--enable-hd", "--guidance-scale", "5",
                "--aspect-ratio", "16:9", "--json", "--no-optimize-prompt");

        List<JsonNode> bodies = gitee.generationRequests().stream()
                .map(r -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.getBody().utf8())).toList();
        // Qwen-Image: 20 steps and no guidance_scale, as neither reference sends one
        assertEquals(0, qwen.exitCode(), qwen.stderr());
        assertEquals(20, bodies.get(0).get("num_inference_steps").asInt());
        assertFalse(bodies.get(0).has("guidance_scale"), bodies.get(0).toString());
        assertTrue(qwen.json().get("guidance_scale").isNull());
        // FLUX: x1.5 for HD (never 2048x2048), guidance 4.5
        assertEquals(0, flux.exitCode(), flux.stderr());
        assertEquals(List.of(1536, 1536, 20), List.of(bodies.get(1).get("width").asInt(),
                bodies.get(1).get("height").asInt(), bodies.get(1).get("num_inference_steps").asInt()));
        assertEquals(4.5, bodies.get(1).get("guidance_scale").asDouble());
        // Z-Image-Turbo: x2 for HD; it takes no guidance, so an asked-for one is not sent
        assertEquals(0, turbo.exitCode(), turbo.stderr());
        assertEquals(List.of(2048, 1152, 9), List.of(bodies.get(2).get("width").asInt(),
                bodies.get(2).get("height").asInt(), bodies.get(2).get("num_inference_steps").asInt()));
        assertFalse(bodies.get(2).has("guidance_scale"), bodies.get(2).toString());
        assertTrue(turbo.json().get("guidance_scale").isNull());
    }

    @Test
    void aGitee403KeepsTheTokenForOtherModelsAndIsNotResentForThatModel() {
        // neither token has a resource package for FLUX.2-dev; both have one for z-image-turbo
        gitee.modelReply("FLUX.2-dev", Reply.FORBIDDEN);

        var first = cli.run("--prompt", "a lighthouse", "--model", "flux-2", "--provider", "gitee", "--json",
                "--no-optimize-prompt");

        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(List.of("gitee/flux-2 (gitee#1 …0001): auth_failed", "gitee/flux-2 (gitee#2 …0002): auth_failed",
                "gitee/z-image-turbo (gitee#1 …0001): success"), strings(first.json().get("fallback_chain")));
        assertEquals("2026-11-24T16:00:00Z", first.json().get("attempts").get(0).get("cooling_until").asString());

        var second = cli.run("--prompt", "a harbour", "--model", "flux-2", "--provider", "gitee", "--json",
                "--no-optimize-prompt");

        assertEquals(0, second.exitCode(), second.stderr());
        long fluxRequests = gitee.generationRequests().stream()
                .filter(r -> r.getBody().utf8().contains("FLUX.2-dev")).count();
        assertEquals(2, fluxRequests, "each token asked once for the model it has no package for, not again");
        assertEquals("z-image-turbo", second.json().get("model").asString());
    }

    @Test
    void anOpenAiCompatibleProviderWithoutABaseUrlIsAConfigErrorWhenNamedAndSkippedInAuto() {
        // an OpenAI key alone used to send Qwen/Qwen-Image to api.openai.com
        cli.env("OPENAI_API_KEY", "openai-key-0001");

        var named = cli.run("--prompt", "a fox", "--provider", "openai_compatible", "--json", "--no-optimize-prompt");

        assertEquals(ExitCode.USAGE, named.exitCode(), named.stdout());
        assertEquals("config_error", named.json().get("error_type").asString());
        String problem = named.json().get("problems").get(0).asString();
        assertTrue(problem.contains("providers.openai_compatible.base_url"), problem);
        assertTrue(problem.contains("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL"), problem);
        assertTrue(cli.allFiles().stream().noneMatch(f -> f.toString().endsWith(".png")), "nothing generated");

        gitee.defaultReply(Reply.SERVER_ERROR);
        cli.config("""
                routing:
                  provider_order: [gitee, openai_compatible]
                providers:
                  gitee: {base_url: %s, timeouts: {connect: 2s, read: 2s, overall: 3s}}
                """.formatted(gitee.baseUrl()));
        var auto = cli.run("--prompt", "a fox", "--json", "--no-optimize-prompt");

        assertEquals(ExitCode.NONE, auto.exitCode(), auto.stdout());
        assertTrue(strings(auto.json().get("fallback_chain")).contains("openai_compatible/z-image-turbo: skipped (no base"
                + " URL: set providers.openai_compatible.base_url in the config (or QUOTA_CANVAS_OPENAI_COMPATIBLE_URL"
                + " / T2I_PEINTURE_OPENAI_COMPATIBLE_URL), e.g. https://api.siliconflow.cn/v1)"),
                auto.json().get("fallback_chain").toString());
    }

    @Test
    void anOpenAiCompatibleServerGetsTheModelIdAsGivenWhenNoMapNamesIt() throws Exception {
        try (FakeImagesServer compatible = new FakeImagesServer(Flavor.OPENAI)) {
            compatible.defaultReply(Reply.OK_B64);
            cli.env("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL", compatible.baseUrl());
            cli.env("QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS", "compatible-key-0001");

            var run = cli.run("--prompt", "a fox", "--provider", "openai_compatible", "--model", "gpt-image-1",
                    "--json", "--no-optimize-prompt");

            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
            assertEquals("gpt-image-1", run.json().get("model").asString());
            assertEquals(1, compatible.generationRequests().size());
            JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(compatible.generationRequests().getFirst().getBody().utf8());
            assertEquals("gpt-image-1", body.get("model").asString());
            assertFalse(body.has("guidance_scale"));
        }
    }

    @Test
    void aCooledTokenIsSkippedInTheNextRunUntilItsInstantThenUsedAgain() {
        gitee.script("gitee-token-one-0001", Reply.QUOTA);
        assertEquals(0, cli.run("--prompt", "first run", "--no-optimize-prompt", "--quiet").exitCode());
        long before = gitee.requestsWithToken("gitee-token-one-0001");

        var second = cli.run("--prompt", "second run", "--json", "--no-optimize-prompt");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(before, gitee.requestsWithToken("gitee-token-one-0001"), "cooled token must not be sent");
        assertTrue(strings(second.json().get("fallback_chain")).contains(
                "gitee/z-image-turbo (gitee#1 …0001): skipped (cooling (quota_exhausted))"));

        cli.clock.set(Instant.parse("2026-11-24T16:00:01Z"));
        var third = cli.run("--prompt", "after midnight in Shanghai", "--json", "--no-optimize-prompt");
        assertEquals(0, third.exitCode(), third.stderr());
        assertEquals(before + 1, gitee.requestsWithToken("gitee-token-one-0001"));
    }

    @Test
    void anUnavailableModelFallsBackToZImageTurboOnTheSameProvider() {
        gitee.modelReply("FLUX.2-dev", Reply.MODEL_MISSING);

        var run = cli.run("--prompt", "castle", "--model", "flux-2", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("z-image-turbo", run.json().get("model").asString());
        assertEquals("gitee", run.json().get("provider").asString());
        List<String> chain = strings(run.json().get("fallback_chain"));
        assertTrue(chain.contains("gitee/flux-2 (gitee#1 …0001): model_unavailable"), chain.toString());
        assertEquals("gitee/z-image-turbo (gitee#1 …0001): success", chain.getLast());
        assertTrue(chain.contains("a4f/flux-2: skipped (model not offered by a4f)"), chain.toString());
    }

    @Test
    void rejectedTokensFallBackToTheNextProvider() {
        gitee.defaultReply(Reply.AUTH);

        var run = cli.run("--prompt", "harbour at dawn", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("a4f", run.json().get("provider").asString());
        assertEquals(List.of("gitee/z-image-turbo (gitee#1 …0001): auth_failed",
                "gitee/z-image-turbo (gitee#2 …0002): auth_failed",
                "a4f/z-image-turbo (a4f#1 …0001): success"), strings(run.json().get("fallback_chain")));
        assertTrue(run.stderr().contains("gitee#1 …0001 marked invalid"), run.stderr());
    }

    @Test
    void aContentRejectionStopsWithoutSpendingOtherTokens() {
        gitee.defaultReply(Reply.CONTENT);

        var run = cli.run("--prompt", "something rejected", "--json", "--no-optimize-prompt");

        assertEquals(1, run.exitCode());
        assertEquals("content_rejected", run.json().get("error_type").asString());
        assertEquals(1, gitee.generationRequests().size());
        assertEquals(0, a4f.generationRequests().size());
    }

    @Test
    void htmlFromAProviderIsRetriedOnceThenTheNextProviderServes() {
        gitee.defaultReply(Reply.HTML);

        var run = cli.run("--prompt", "bridge", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(2, gitee.generationRequests().size(), "one try and one retry");
        List<String> chain = strings(run.json().get("fallback_chain"));
        assertEquals("gitee/z-image-turbo (gitee#1 …0001): bad_response", chain.get(0));
        assertEquals("a4f/z-image-turbo (a4f#1 …0001): success", chain.getLast());
    }

    @Test
    void aHangingProviderTimesOutAndTheNextProviderServes() {
        gitee.defaultReply(Reply.HANG);

        var run = cli.run("--prompt", "mountain", "--json", "--no-optimize-prompt", "--timeout", "30");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("a4f", run.json().get("provider").asString());
        assertEquals("gitee/z-image-turbo (gitee#1 …0001): timeout", run.json().get("fallback_chain").get(0)
                .asString());
        assertTrue(run.stderr().contains("gitee marked down"), run.stderr());
    }

    @Test
    void aBatchWritesNumberedOutputsWithSeedPlusIndex() throws Exception {
        Path out = home.resolve("exports").resolve("fox.png");

        var run = cli.run("--prompt", "fox", "--count", "3", "--seed", "100", "--output", out.toString(), "--json",
                "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode batch = run.json();
        assertEquals(3, batch.get("count").asInt());
        assertTrue(batch.has("elapsed_ms"));
        List<Long> seeds = new ArrayList<>();
        batch.get("images").forEach(i -> seeds.add(i.get("seed").asLong()));
        assertEquals(List.of(100L, 101L, 102L), seeds);
        for (int i = 1; i <= 3; i++) {
            assertTrue(Files.isRegularFile(home.resolve("exports").resolve("fox-" + i + ".png")), "fox-" + i);
        }
    }

    @Test
    void aBatchWhereSomeImagesFailExitsThree() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one-0001");
        cli.env("QUOTA_CANVAS_A4F_TOKENS", "");
        gitee.script("gitee-token-one-0001", Reply.OK_URL, Reply.QUOTA);

        var run = cli.run("--prompt", "two foxes", "--count", "2", "--json", "--no-optimize-prompt");

        assertEquals(3, run.exitCode(), run.stdout() + run.stderr());
        JsonNode images = run.json().get("images");
        long failures = 0;
        for (JsonNode i : images) {
            failures += i.has("error_type") ? 1 : 0;
        }
        assertEquals(1, failures);
    }

    @Test
    void withoutJsonTheSavedPathGoesToStdoutAndProgressToStderr() {
        var run = cli.run("--prompt", "quiet lake", "--no-optimize-prompt");

        assertEquals(0, run.exitCode());
        Path saved = Path.of(run.stdout().strip());
        assertTrue(Files.isRegularFile(saved), run.stdout());
        assertTrue(run.stderr().contains("trying gitee/z-image-turbo with gitee#1 …0001"), run.stderr());
    }

    @Test
    void aProviderLeftOutOfThePlanIsAnnouncedOncePerBatchAndListedInEveryChain() {
        cli.env("QUOTA_CANVAS_A4F_TOKENS", "");

        var run = cli.run("--prompt", "two", "--count", "2", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        String line = "skipped a4f/z-image-turbo: no tokens configured";
        assertEquals(1, run.stderr().lines().filter(l -> l.equals(line)).count(), run.stderr());
        for (JsonNode image : run.json().get("images")) {
            assertTrue(strings(image.get("fallback_chain")).contains(
                    "a4f/z-image-turbo: skipped (no tokens configured)"), image.toString());
        }
    }

    @Test
    void theAttemptsCapEndsAnImageWithoutTryingEveryToken() {
        Path capped = cli.config("""
                routing:
                  provider_order: [gitee, a4f]
                  max_attempts_per_image: 2
                providers:
                  gitee: {base_url: %s}
                  a4f: {base_url: %s}
                """.formatted(gitee.baseUrl(), a4f.baseUrl()));
        gitee.defaultReply(Reply.QUOTA);

        var run = cli.run("--prompt", "capped", "--json", "--no-optimize-prompt", "--config", capped.toString());

        assertEquals(1, run.exitCode(), run.stdout());
        assertEquals("attempts_exhausted", run.json().get("error_type").asString());
        assertEquals(2, gitee.generationRequests().size());
        assertEquals(0, a4f.generationRequests().size());
    }

    @Test
    void theTimeoutEndsAnImageThatHangsWithTheTimeoutClass() {
        cli.env("QUOTA_CANVAS_A4F_TOKENS", "");
        Path slow = cli.config("""
                routing:
                  provider_order: [gitee]
                providers:
                  gitee:
                    base_url: %s
                    timeouts: {connect: 5s, read: 60s, overall: 60s}
                """.formatted(gitee.baseUrl()));
        gitee.defaultReply(Reply.HANG);

        var run = cli.run("--prompt", "hangs", "--json", "--no-optimize-prompt", "--timeout", "1",
                "--config", slow.toString());

        assertEquals(1, run.exitCode(), run.stdout());
        assertEquals("timeout", run.json().get("error_type").asString());
        // the image's own --timeout cut the call: recorded as cancelled, not as gitee's timeout
        assertEquals("gitee/z-image-turbo (gitee#1 …0001): cancelled", run.json().get("fallback_chain").get(0)
                .asString());
        assertTrue(run.json().get("attempts").get(0).get("message").asString().contains("time limit of 1 s"),
                run.stdout());
    }

    @Test
    void everyProviderFailingExitsOneWithTheChain() {
        gitee.defaultReply(Reply.QUOTA);
        a4f.defaultReply(Reply.QUOTA);

        var run = cli.run("--prompt", "nothing left", "--json", "--no-optimize-prompt");

        assertEquals(1, run.exitCode());
        assertEquals("quota_exhausted", run.json().get("error_type").asString());
        assertEquals(3, run.json().get("fallback_chain").size());
        assertFalse(run.json().get("error").asString().isBlank());
    }

    @Test
    void withoutJsonAFailureIsReportedOnceOnStderrAndStdoutStaysEmpty() {
        gitee.defaultReply(Reply.QUOTA);
        a4f.defaultReply(Reply.QUOTA);

        var run = cli.run("--prompt", "nothing left", "--no-optimize-prompt");

        assertEquals(1, run.exitCode());
        assertEquals("", run.stdout());
        assertEquals(1, run.stderr().lines().filter(l -> l.contains("Every provider and token was tried")).count(),
                run.stderr());
    }

    @Test
    void aCanaryTokenAppearsNowhereButInItsOwnProvidersRequests() throws Exception {
        String canary = "sk-canary-do-not-leak-1234567890abcdef";
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", canary);
        gitee.script(canary, Reply.QUOTA);
        a4f.defaultReply(Reply.OK_B64);

        var run = cli.run("--prompt", "canary", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertFalse(run.stdout().contains(canary));
        assertFalse(run.stderr().contains(canary));
        for (Path file : cli.allFiles()) {
            assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(canary), "token leaked into " + file);
        }
        assertEquals(1, gitee.requestsWithToken(canary));
        a4f.requests().forEach(r -> assertFalse(r.getHeaders().toString().contains(canary)));
        gitee.requests().stream().filter(r -> r.getTarget().startsWith("/files/"))
                .forEach(r -> assertEquals(null, r.getHeaders().get("Authorization")));
    }

    @Test
    void aBlackHoledProviderCostsABatchOneTimeoutNotOnePerImage() {
        gitee.defaultReply(Reply.HANG);

        var run = cli.run("--prompt", "eight", "--count", "8", "--json", "--no-optimize-prompt", "--quiet");

        assertEquals(0, run.exitCode(), run.stdout());
        long timeouts = 0;
        for (JsonNode image : run.json().get("images")) {
            for (JsonNode a : image.get("attempts")) {
                timeouts += "timeout".equals(a.get("outcome").asString()) ? 1 : 0;
            }
        }
        // the two gitee tokens hang at once; after the first timeout the provider is down for the batch
        assertTrue(timeouts >= 1 && timeouts <= 2, "timeouts: " + timeouts + "\n" + run.stdout());
        assertEquals(8, run.json().get("succeeded").asInt());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
