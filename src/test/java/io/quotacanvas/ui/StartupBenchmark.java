package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Cold launch to an interactive studio window: a fresh JVM per run (JavaFX's headless platform, software
/// rendering), the real launcher, a fresh home folder. Prints the figure; run with `mvn -B -Pbench verify`.
class StartupBenchmark {

    @TempDir
    Path home;

    @Test
    void coldLaunchToAnInteractiveWindow() throws Exception {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(launchOnce(home.resolve("run" + i)));
        }
        List<Long> sorted = new ArrayList<>(runs);
        Collections.sort(sorted);
        System.out.printf("BENCH cold launch to interactive window (fresh JVM, JVM start to Generate laid out): "
                + "median %d ms, runs %s (goal <= 1500)%n", sorted.get(sorted.size() / 2), runs);
        assertTrue(sorted.getFirst() > 0);
    }

    private static long launchOnce(Path home) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Dglass.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), StartupProbe.class.getName());
        pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out.lines().filter(l -> l.startsWith("STARTUP ")).map(l -> l.substring(8).trim())
                .filter(v -> v.chars().allMatch(Character::isDigit)).map(Long::parseLong).findFirst()
                .orElseThrow(() -> new AssertionError("the studio did not become interactive:\n" + out));
    }
}
