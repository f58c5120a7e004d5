package io.quotacanvas.pipeline;

import static io.quotacanvas.testing.BenchStats.median;
import static io.quotacanvas.testing.BenchStats.percentile;
import static io.quotacanvas.testing.BenchStats.print;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Engine figures from the engine issue, printed (not asserted on time): run with `mvn -B -Pbench verify`.
/// Every run goes through the real engine, adapters, ledger and library against loopback servers.
class EngineBenchmark {

    @TempDir
    Path home;

    @Test
    void eightImagesOverFourTokenSlotsAtOneSecondLatency() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE).latency(Duration.ofSeconds(1))) {
            List<Long> walls = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                try (QuotaCanvas app = open(home.resolve("run" + run), Map.of("gitee", gitee),
                        Map.of("gitee", "t1,t2,t3,t4"), "10s")) {
                    BatchResult batch = app.engine().run(request(8), OutputPaths.NONE, null, new CallScope());
                    assertEquals(8, batch.generatedCount());
                    walls.add(batch.elapsedMs());
                }
            }
            long median = median(walls);
            print("8 images / 4 token slots / 1 s latency: wall %d ms (runs %s), ideal 2000 ms, ratio %.3f (goal <= 1.15)"
                    .formatted(median, walls, median / 2000.0));
            print("  most requests in flight at once: %d (per-token cap 1 x 4 tokens)".formatted(gitee.maxInFlight()));
        }
    }

    /// The engine issue's table, side by side in one run: 8 images, 1 s provider latency, 2 gitee + 2 a4f
    /// tokens, median of 3 runs, beside the figures the issue quoted (seed skill / engine before).
    @Test
    void theEngineIssuesThreeScenarios() throws Exception {
        print("scenario (8 images, 1 s latency, 2 gitee + 2 a4f)   | seed   | before      | now (median of 3)   | ideal  | ratio");
        scenario("all fine", null, null, 2.0, "8.4 s", "2.4 s, 8/8");
        scenario("gitee token 1 spent (quota)", Reply.QUOTA, null, 3.0, "9.2 s", "4.6 s, 8/8");
        scenario("both gitee tokens hang 15 s, then drop", null, Reply.DROP, 16.0, "72 s", "60 s, 4/8");
        scenario("the same with hedge_after: 5s", null, Reply.DROP, 6.0, "-", "-");
    }

    private void scenario(String name, Reply firstToken, Reply allGitee, double idealSeconds, String seed,
                          String before) throws Exception {
        List<Long> walls = new ArrayList<>();
        long made = 0;
        for (int run = 0; run < 3; run++) {
            // a dropped request waits the 1 s latency, then 14 s more: a 15 s hang in all
            try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE).latency(Duration.ofSeconds(1))
                    .dropAfter(Duration.ofSeconds(14));
                 FakeImagesServer a4f = new FakeImagesServer(Flavor.OPENAI).latency(Duration.ofSeconds(1))) {
                if (firstToken != null) {
                    gitee.script("g1", firstToken);
                }
                if (allGitee != null) {
                    gitee.defaultReply(allGitee);
                }
                String extra = name.contains("hedge") ? "  hedge_after: 5s\n" : "";
                try (QuotaCanvas app = open(home.resolve(name.hashCode() + "-" + run), ordered("gitee", gitee, "a4f", a4f),
                        Map.of("gitee", "g1,g2", "a4f", "a1,a2"), "60s", extra)) {
                    BatchResult batch = app.engine().run(request(8).withTimeout(Duration.ofSeconds(60)),
                            OutputPaths.NONE, null, new CallScope());
                    walls.add(batch.elapsedMs());
                    made = batch.generatedCount();
                }
            }
        }
        long median = median(walls);
        print("%-50s | %-6s | %-11s | %5.2f s, %d/8 %s | %4.1f s | %.3f".formatted(name, seed, before, median / 1000.0,
                made, walls, idealSeconds, median / 1000.0 / idealSeconds));
    }

    @Test
    void engineOverheadPerImageAtZeroLatency() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE).defaultReply(Reply.OK_B64);
             QuotaCanvas app = open(home, Map.of("gitee", gitee), Map.of("gitee", "t1"))) {
            for (int i = 0; i < 30; i++) { // warm-up: JIT, connection pool, SQLite statements
                app.engine().run(request(1), OutputPaths.NONE, null, new CallScope());
            }
            List<Long> totalsMicros = new ArrayList<>();
            List<Long> engineMicros = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                long t0 = System.nanoTime();
                BatchResult batch = app.engine().run(request(1), OutputPaths.NONE, null, new CallScope());
                long total = (System.nanoTime() - t0) / 1000;
                ImageResult.Generated g = (ImageResult.Generated) batch.images().getFirst();
                long adapterMicros = g.attempts().stream().filter(AttemptRecord::succeeded)
                        .mapToLong(AttemptRecord::elapsedMs).sum() * 1000;
                totalsMicros.add(total);
                engineMicros.add(Math.max(0, total - adapterMicros));
            }
            print(("per image at 0 ms latency, 200 images: median %.2f ms end to end (HTTP on loopback, decode, "
                    + "PNG + fsync + index, ledger), p90 %.2f ms; engine share outside the adapter call: median %.2f ms"
                    + " (goal <= 5 ms)").formatted(median(totalsMicros) / 1000.0, percentile(totalsMicros, 90) / 1000.0,
                    median(engineMicros) / 1000.0));
        }
    }

    @Test
    void aBlackHoledFirstProviderCostsOneTimeoutPerBatch() throws Exception {
        try (FakeImagesServer dead = new FakeImagesServer(Flavor.GITEE).defaultReply(Reply.HANG);
             FakeImagesServer alive = new FakeImagesServer(Flavor.OPENAI)) {
            long baseline;
            try (QuotaCanvas app = open(home.resolve("baseline"), Map.of("a4f", alive), Map.of("a4f", "a1,a2,a3,a4"))) {
                baseline = app.engine().run(request(8), OutputPaths.NONE, null, new CallScope()).elapsedMs();
            }
            try (QuotaCanvas app = open(home.resolve("dead"), ordered("gitee", dead, "a4f", alive),
                    Map.of("gitee", "g1,g2", "a4f", "a1,a2,a3,a4"))) {
                BatchResult batch = app.engine().run(request(8), OutputPaths.NONE, null, new CallScope());
                long timeouts = batch.images().stream().flatMap(i -> i.attempts().stream())
                        .filter(a -> a.outcome() == AttemptOutcome.TIMEOUT).count();
                assertEquals(8, batch.generatedCount());
                double extra = (batch.elapsedMs() - baseline) / 1000.0;
                print(("black-holed first provider (1 s read timeout), batch of 8: wall %d ms vs %d ms without it; "
                        + "extra %.2f s = %.2f timeouts (goal: 1, not 8); timeout attempts recorded: %d")
                        .formatted(batch.elapsedMs(), baseline, extra, extra / 1.0, timeouts));
            }
        }
    }

    /// A home whose config routes to `servers` (provider name → loopback server, in order) with `tokens`
    /// (provider name → comma-separated tokens).
    private static QuotaCanvas open(Path home, Map<String, FakeImagesServer> servers, Map<String, String> tokens)
            throws Exception {
        return open(home, servers, tokens, "1s");
    }

    private static QuotaCanvas open(Path home, Map<String, FakeImagesServer> servers, Map<String, String> tokens,
                                    String readTimeout) throws Exception {
        return open(home, servers, tokens, readTimeout, "");
    }

    private static QuotaCanvas open(Path home, Map<String, FakeImagesServer> servers, Map<String, String> tokens,
                                    String readTimeout, String routingExtra) throws Exception {
        Files.createDirectories(home);
        StringBuilder yaml = new StringBuilder("routing:\n  provider_order: [" + String.join(", ", servers.keySet())
                + "]\n  max_parallel: 8\n" + routingExtra + "providers:\n");
        servers.forEach((name, server) -> yaml.append("  ").append(name).append(":\n    base_url: ")
                .append(server.baseUrl()).append("\n    timeouts: {connect: 1s, read: ").append(readTimeout)
                .append(", overall: 90s}\n"));
        Path config = Files.writeString(home.resolve("config.yaml"), yaml);
        Map<String, String> env = new java.util.HashMap<>(Map.of("QUOTA_CANVAS_HOME", home.toString()));
        tokens.forEach((name, list) -> env.put("QUOTA_CANVAS_" + name.toUpperCase(Locale.ROOT) + "_TOKENS", list));
        return QuotaCanvas.open(config, env, Clock.systemUTC());
    }

    private static Map<String, FakeImagesServer> ordered(String k1, FakeImagesServer v1, String k2,
                                                         FakeImagesServer v2) {
        Map<String, FakeImagesServer> m = new java.util.LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static ImageRequest request(int count) {
        return ImageRequest.of("benchmark").withOptimizePrompt(false).withCount(count).withSeed(1L);
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
