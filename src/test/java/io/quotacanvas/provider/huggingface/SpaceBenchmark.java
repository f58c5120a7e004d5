package io.quotacanvas.provider.huggingface;

import static io.quotacanvas.testing.BenchStats.median;
import static io.quotacanvas.testing.BenchStats.percentile;
import static io.quotacanvas.testing.BenchStats.print;
import static io.quotacanvas.provider.huggingface.FakeGradioSpace.event;
import static io.quotacanvas.provider.huggingface.FakeGradioSpace.heartbeat;
import static io.quotacanvas.provider.huggingface.FakeGradioSpace.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Ending;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Overhead of the public-Space path over the Space's own latency, printed (not asserted on time):
/// `mvn -B -o -Pbench verify -Dtest='SpaceBenchmark'`. A batch of 4 goes through the real engine, adapter,
/// ledger and library against a loopback Gradio Space whose result stream takes a fixed 500 ms
/// (heartbeats, generating, complete). Each run opens a fresh app, so discovery (/config, /info) is paid.
class SpaceBenchmark {
    private static final long SERVER_MS = 500;
    private static final Plan FIXED_500_MS = Plan.of(Ending.CLEAN, heartbeat(), pause(200), heartbeat(), pause(200),
            event("generating", "null"), pause(100), event("complete", null));

    @TempDir
    Path home;

    @Test
    void aBatchOfFourThroughTheSpacePath() throws Exception {
        try (FakeGradioSpace space = FakeGradioSpace.zImageTurbo().stream(FIXED_500_MS)) {
            run(space, 4, home.resolve("warm-up"));
            for (int perToken : new int[] {4, 1}) {
                List<Long> walls = new ArrayList<>();
                List<Long> attemptMs = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    BatchResult batch = run(space, perToken, home.resolve("run-" + perToken + "-" + r));
                    assertEquals(4, batch.generatedCount());
                    walls.add(batch.elapsedMs());
                    batch.images().forEach(i -> attemptMs.add(((ImageResult.Generated) i).attempts().stream()
                            .filter(AttemptRecord::succeeded).mapToLong(AttemptRecord::elapsedMs).sum()));
                }
                long ideal = perToken == 4 ? SERVER_MS : 4 * SERVER_MS;
                long wall = median(walls);
                long attempt = median(attemptMs);
                print(("batch of 4, anonymous Space, %d in flight: wall %d ms (runs %s) vs server-only %d ms → "
                        + "ratio %.3f; per image: adapter attempt median %d ms (p90 %d) = server %d ms + overhead %d ms"
                        + " (ratio %.3f); batch overhead per image %.1f ms")
                        .formatted(perToken, wall, walls, ideal, wall / (double) ideal, attempt,
                                percentile(attemptMs, 90), SERVER_MS, attempt - SERVER_MS, attempt / (double) SERVER_MS,
                                (wall - ideal) / 4.0));
            }
        }
    }

    private static BatchResult run(FakeGradioSpace space, int perToken, Path home) throws Exception {
        Files.createDirectories(home);
        String yaml = """
                routing:
                  provider_order: [huggingface]
                  max_parallel: 4
                  per_token_concurrency: %d
                providers:
                  huggingface:
                    base_url: http://127.0.0.1:9/
                    tokens: []
                    timeouts: {connect: 2s, read: 5s, overall: 10s}
                    spaces:
                      z-image-turbo: {url: %s, api_name: /generate}
                """.formatted(perToken, space.url());
        Path config = Files.writeString(home.resolve("config.yaml"), yaml);
        try (QuotaCanvas app = QuotaCanvas.open(config, Map.of("QUOTA_CANVAS_HOME", home.toString()),
                Clock.systemUTC())) {
            ImageRequest request = ImageRequest.of("benchmark").withOptimizePrompt(false).withCount(4).withSeed(1L);
            return app.engine().run(request, OutputPaths.NONE, null, new CallScope());
        }
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
