package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The engine issue's three scenarios through the real command line, adapters and HTTP stack, against a
/// loopback Gitee and A4F with two tokens each (times scaled down: 0.3 s latency, 2 s hangs). What each
/// server received is counted against the attempts the JSON recorded.
class EngineScenarioTest {
    @TempDir
    Path home;
    private CliHarness cli;
    private FakeImagesServer gitee;
    private FakeImagesServer a4f;

    @BeforeEach
    void start() {
        gitee = new FakeImagesServer(Flavor.GITEE).latency(Duration.ofMillis(300)).dropAfter(Duration.ofSeconds(2));
        a4f = new FakeImagesServer(Flavor.OPENAI).latency(Duration.ofMillis(300));
        cli = new CliHarness(home).env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one,gitee-token-two")
                .env("QUOTA_CANVAS_A4F_TOKENS", "a4f-token-one,a4f-token-two");
        cli.config("""
                routing:
                  provider_order: [gitee, a4f]
                  hang_after: 1s
                providers:
                  gitee:
                    base_url: %s
                    timeouts: {connect: 2s, read: 30s, overall: 30s}
                  a4f:
                    base_url: %s
                    timeouts: {connect: 2s, read: 30s, overall: 30s}
                """.formatted(gitee.baseUrl(), a4f.baseUrl()));
    }

    @AfterEach
    void stop() {
        gitee.close();
        a4f.close();
    }

    private CliHarness.Run batchOfEight() {
        return cli.run("--prompt", "a red fox", "--count", "8", "--json", "--no-optimize-prompt", "--timeout", "20",
                "--config", home.resolve("config.yaml").toString());
    }

    /// The generate attempts of every image that reached `provider` (skips aside).
    private static List<JsonNode> requestsRecorded(JsonNode batch, String provider) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode image : batch.get("images")) {
            for (JsonNode a : image.get("attempts")) {
                if (a.get("step").asString().equals("generate") && !a.get("outcome").asString().equals("skipped")
                        && a.get("provider").asString().equals(provider)) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    @Test
    void allHealthyEveryImageIsMadeAndEveryRequestIsOneAttempt() {
        CliHarness.Run run = batchOfEight();

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode batch = run.json();
        assertEquals(8, batch.get("succeeded").asInt());
        assertEquals(gitee.generationRequests().size(), requestsRecorded(batch, "gitee").size());
        assertEquals(a4f.generationRequests().size(), requestsRecorded(batch, "a4f").size());
        assertEquals(8, gitee.generationRequests().size() + a4f.generationRequests().size());
    }

    @Test
    void aSpentTokenIsAskedOnceAndTheOtherSlotsCarryTheBatch() {
        gitee.script("gitee-token-one", Reply.QUOTA);

        CliHarness.Run run = batchOfEight();

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode batch = run.json();
        assertEquals(8, batch.get("succeeded").asInt());
        assertEquals(1, gitee.requestsWithToken("gitee-token-one"));
        assertEquals(gitee.generationRequests().size(), requestsRecorded(batch, "gitee").size());
        assertEquals(a4f.generationRequests().size(), requestsRecorded(batch, "a4f").size());
        assertTrue(run.stderr().contains("cooling"), run.stderr());
        assertFalse(run.stderr().contains("marked down"), run.stderr());
    }

    @Test
    void hungGiteeTokensCostOneHangAndTheBatchIsWhole() {
        gitee.defaultReply(Reply.DROP);

        CliHarness.Run run = batchOfEight();

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode batch = run.json();
        assertEquals(8, batch.get("succeeded").asInt());
        assertEquals(2, gitee.generationRequests().size(), "one request per token, no same-token retry, no resend");
        List<JsonNode> giteeRecords = requestsRecorded(batch, "gitee");
        assertEquals(2, giteeRecords.size(), "each request gitee received is one attempt record");
        assertTrue(giteeRecords.stream().allMatch(a -> a.get("elapsed_ms").asLong() >= 1000), giteeRecords.toString());
        assertEquals(a4f.generationRequests().size(), requestsRecorded(batch, "a4f").size());
        assertTrue(run.stderr().contains("gitee marked down"), run.stderr());
        assertFalse(run.stderr().contains("a4f marked down"), run.stderr());
    }
}
