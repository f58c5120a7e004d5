package io.quotacanvas.ui;

import static io.quotacanvas.testing.BenchStats.median;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Cold launch to an interactive studio window, timed on the shaded jar as `packaging/quota-canvas` runs it:
/// a fresh JVM per run on JavaFX's headless platform, the real launcher in its warm-run mode (exits when
/// Generate is laid out), a fresh home folder — first without, then with the launcher's start-up cache.
/// Run with `mvn -B -Pbench verify` (the bench profile runs after `package`).
class StartupBenchmark {
    private static final Path JAR = Path.of("target", "quota-canvas.jar");

    @TempDir
    Path home;

    @Test
    void coldLaunchToAnInteractiveWindow() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "build the jar first: mvn -B -Pbench verify runs after package");
        List<Long> plain = runs(5, List.of());
        Path cache = home.resolve("quota-canvas.aot");
        launch(home.resolve("train"), List.of("-XX:AOTCacheOutput=" + cache));
        List<Long> cached = runs(5, List.of("-XX:AOTCache=" + cache));
        System.out.printf("BENCH cold launch to interactive window, no start-up cache: median %d ms, runs %s "
                + "(goal <= 1500)%n", median(plain), plain);
        System.out.printf("BENCH cold launch to interactive window, with the launcher's start-up cache: median %d "
                + "ms, runs %s (goal <= 1500)%n", median(cached), cached);
    }

    private List<Long> runs(int n, List<String> jvmFlags) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(launch(Files.createTempDirectory(home, "run"), jvmFlags));
        }
        return out;
    }

    private static long launch(Path home, List<String> jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString(), "--aot-training=studio"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out.lines().filter(l -> l.startsWith("interactive after ")).map(l -> l.replaceAll("\\D", ""))
                .map(Long::parseLong).findFirst()
                .orElseThrow(() -> new AssertionError("the studio did not become interactive:\n" + out));
    }

}
