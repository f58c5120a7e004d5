package io.quotacanvas.cli;

import static io.quotacanvas.testing.BenchStats.median;
import static io.quotacanvas.testing.BenchStats.percentile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.BenchStats;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// One image at zero provider latency, the way an agent calls it: a fresh process per call through the
/// README's launcher (`packaging/quota-canvas --prompt … --json`, with its start-up cache and flags), timed
/// from start to exit, 10 cold runs; beside it the plain `java -jar` (no cache, default flags) and
/// `java -version`, the floor any JVM pays. Run with `mvn -B -Pbench verify` (after `package`).
class CliStartupBenchmark {
    private static final Path LAUNCHER = Path.of("packaging", "quota-canvas");
    private static final Path JAR = Path.of("target", "quota-canvas.jar");
    private static final int RUNS = 10;

    @TempDir
    Path home;

    @Test
    void oneImageFromAColdProcess() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: mvn -B -Pbench verify runs after package");
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE)) {
            Files.writeString(home.resolve("config.yaml"), "routing:\n  provider_order: [gitee]\nprompt:\n"
                    + "  optimize: false\nproviders:\n  gitee:\n    base_url: " + gitee.baseUrl()
                    + "\n    tokens: [test-token-bench-0001]\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> launcher = List.of(LAUNCHER.toString(), "--prompt", "a red fox in snow", "--json");
            List<String> plain = List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(),
                    "--prompt", "a red fox in snow", "--json");
            time(launcher); // records the launcher's start-up cache when this build has none yet
            int before = gitee.generationRequests().size();
            List<Long> viaLauncher = runs(launcher);
            assertEquals(RUNS, gitee.generationRequests().size() - before, "one request per run");
            List<Long> viaPlainJar = runs(plain);
            List<Long> jvmFloor = runs(List.of(java, "-version"));
            print("launcher (start-up cache, CLI flags)", viaLauncher);
            print("plain java -jar (no cache)", viaPlainJar);
            print("java -version", jvmFloor);
        }
    }

    private static void print(String what, List<Long> ms) {
        BenchStats.print("cold CLI, one image at zero provider latency, " + what + ": median " + median(ms)
                + " ms, p90 " + percentile(ms, 90) + " ms, runs " + ms + " (goal for the launcher <= 500 ms)");
    }

    private List<Long> runs(List<String> command) throws IOException, InterruptedException {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            out.add(time(command));
        }
        return out;
    }

    private long time(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
        pb.environment().put("QUOTA_CANVAS_VAULT", "file");
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, p.exitValue(), command + " failed");
        return ms;
    }
}
