package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.provider.huggingface.FakeGradioSpace;
import io.quotacanvas.testing.CliHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// Hugging Face through the real command line, engine, adapter, ledger and library: a loopback Gradio
/// Space for the public path and a loopback router that must never be called on the Space path.
class HuggingFaceScenarioTest {
    private static final String TOKEN = "hf-token-one-0001";
    private static final String ZERO_GPU_QUOTA = "{\"error\":\"'You have exceeded your ZeroGPU quota (146s requested"
            + " vs. 62s left). Try again in 23:59:09. Authenticate with a Hugging Face token for more quota'\","
            + "\"visible\":true,\"title\":\"Error\"}";

    @TempDir
    Path home;

    @StartStop public final MockWebServer router = new MockWebServer();

    private FakeGradioSpace space;
    private CliHarness cli;

    @BeforeEach
    void start() {
        space = FakeGradioSpace.zImageTurbo();
        cli = new CliHarness(home);
        // the adapter reads the system clock for "Try again in"; keep the engine's clock beside it
        cli.clock.set(Instant.now());
        cli.config("""
                routing:
                  provider_order: [huggingface]
                providers:
                  huggingface:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 5s, overall: 10s}
                    spaces:
                      z-image-turbo: {url: %s, api_name: /generate}
                """.formatted(router.url("/"), space.url()));
    }

    @AfterEach
    void stop() {
        space.close();
    }

    @Test
    void withNoTokenAtAllThePublicSpaceServesAnonymously() {
        var run = cli.run("--prompt", "a red fox in snow", "--json", "--seed", "42", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode json = run.json();
        assertEquals("huggingface", json.get("provider").asString());
        assertEquals(space.fileUrl(), json.get("url").asString());
        assertEquals(List.of("huggingface/z-image-turbo (hf anonymous): success"), strings(json.get("fallback_chain")));
        assertTrue(space.requests().stream().allMatch(r -> r.header("x-hf-authorization") == null));
        assertEquals(0, router.getRequestCount());
    }

    @Test
    void aTokenOutOfZeroGpuQuotaIsCooledUntilTryAgainInAndAnonymousServesThenItIsSkipped() {
        cli.env("QUOTA_CANVAS_HUGGINGFACE_TOKENS", TOKEN);
        space.streams(r -> r.header("x-hf-authorization") != null ? FakeGradioSpace.failsWith(ZERO_GPU_QUOTA)
                : FakeGradioSpace.completes());
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        var first = cli.run("--prompt", "lanterns", "--json", "--no-optimize-prompt");

        Instant after = Instant.now();
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(List.of("huggingface/z-image-turbo (hf#1 …0001): quota_exhausted",
                "huggingface/z-image-turbo (hf anonymous): success"), strings(first.json().get("fallback_chain")));
        Instant cooledUntil = Instant.parse(first.json().get("attempts").get(0).get("cooling_until").asString());
        Duration tryAgainIn = Duration.parse("PT23H59M9S");
        assertTrue(!cooledUntil.isBefore(before.plus(tryAgainIn)) && !cooledUntil.isAfter(after.plus(tryAgainIn)),
                "cooled until " + cooledUntil);
        long tokenRequests = withToken();

        var second = cli.run("--prompt", "more lanterns", "--json", "--no-optimize-prompt");

        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(List.of("huggingface/z-image-turbo (hf#1 …0001): skipped (cooling (quota_exhausted))",
                "huggingface/z-image-turbo (hf anonymous): success"), strings(second.json().get("fallback_chain")));
        assertEquals(tokenRequests, withToken(), "a cooled token must not be sent");
        assertEquals(0, router.getRequestCount());
        assertTrue(cli.allFiles().stream().noneMatch(f -> f.toString().contains(TOKEN)));
    }

    @Test
    void aShippedSpaceThatNoLongerAnswersItsApiIsUnavailableAndTheNextModelServes() {
        try (FakeGradioSpace ovis = FakeGradioSpace.ovisImage()) {
            // redeployed: the endpoint the defaults name is gone
            ovis.apiName("generate_image").info("{\"named_endpoints\":{\"/generate_image\":{\"parameters\":[]}}}");
            cli.config("""
                    routing:
                      provider_order: [huggingface]
                    providers:
                      huggingface:
                        base_url: %s
                        timeouts: {connect: 2s, read: 5s, overall: 10s}
                        spaces:
                          z-image-turbo: {url: %s}
                          ovis-image: {url: %s}
                    """.formatted(router.url("/"), space.url(), ovis.url()));

            var run = cli.run("--prompt", "a red fox in snow", "--model", "ovis-image", "--json",
                    "--no-optimize-prompt");

            assertEquals(0, run.exitCode(), run.stderr());
            assertEquals(List.of("huggingface/ovis-image (hf anonymous): model_unavailable",
                    "huggingface/z-image-turbo (hf anonymous): success"), strings(run.json().get("fallback_chain")));
            assertEquals(0, ovis.count("POST", "/gradio_api/call/"), "nothing was sent to the gone endpoint");
        }
    }

    @Test
    void theTurboSpacesNsfwPlaceholderIsReportedAsContentRejectedAndNothingIsStored() {
        space.outputs(FakeGradioSpace.nsfwPlaceholderOutputs());

        var run = cli.run("--prompt", "something the filter refuses", "--json", "--no-optimize-prompt");

        assertEquals(ExitCode.NONE, run.exitCode(), run.stdout());
        assertEquals("content_rejected", run.json().get("error_type").asString());
        assertTrue(cli.allFiles().stream().noneMatch(f -> f.toString().endsWith(".png")), "no placeholder stored");
        assertEquals(0, space.count("GET", "/gradio_api/file="));
    }

    private long withToken() {
        return space.requests().stream().filter(r -> ("Bearer " + TOKEN).equals(r.header("x-hf-authorization")))
                .count();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
