package io.quotacanvas.ui;

import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// Studio figures (run with `-Pbench`): launch to an interactive window, the gallery over 5,000 library
/// images (first paint, heap after scrolling end to end), and the longest FX-thread stall during a batch
/// of 8. Prints the figures; the goals are in the issue (1.5 s, 1 s, 300 MB, 50 ms).
@ExtendWith(ApplicationExtension.class)
class StudioBenchmark {
    @TempDir
    static Path home;
    private static FakeStudio big;

    private Stage stage;
    private StudioApp app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (app != null) {
            robot.interact(app::requestClose);
        }
    }

    private StudioApp launch(FakeStudio studio, Path dir, FxRobot robot) {
        StudioSetup setup = new StudioSetup(Map.of("QUOTA_CANVAS_HOME", dir.toString()), studio.clock(),
                (c, env, clock) -> studio, (o, n) -> Optional.empty(), new StudioFixture.RecordingDesktop(),
                (o, m, l) -> true, TokenManagerHook.NONE, false);
        StudioApp a = new StudioApp(setup);
        a.init();
        robot.interact(() -> a.start(stage));
        return a;
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    /// Waits for the next rendered frame.
    private static void nextPulse() throws Exception {
        var latch = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> Platform.requestNextPulse());
        Platform.runLater(() -> Platform.runLater(latch::countDown));
        latch.await(10, TimeUnit.SECONDS);
    }

    @Test
    void launchToInteractiveWindow(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(home, "launch");
        FakeStudio studio = new FakeStudio(dir.resolve("library"));
        studio.seed(60);
        long t0 = System.nanoTime();
        app = launch(studio, dir, robot);
        await(() -> app.viewModel().gallery().tiles().size() == 60);
        nextPulse();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("BENCH launch-to-interactive-window: %d ms (goal <= 1500; toolkit already started)%n", ms);
    }

    @Test
    void galleryWithFiveThousandImages(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(home, "big");
        big = new FakeStudio(dir.resolve("library"));
        big.seed(5000);
        System.gc();
        long t0 = System.nanoTime();
        app = launch(big, dir, robot);
        await(() -> app.viewModel().gallery().tiles().size() >= 200);
        nextPulse();
        long firstPaint = (System.nanoTime() - t0) / 1_000_000;
        await(() -> robot.lookup(".tile .image-view").queryAll().stream()
                .anyMatch(n -> ((ImageView) n).getImage() != null));
        long firstThumb = (System.nanoTime() - t0) / 1_000_000;
        ScrollBar bar = robot.lookup("#gallery-grid .scroll-bar:vertical").queryAs(ScrollBar.class);
        long s0 = System.nanoTime();
        int steps = 0;
        while (app.viewModel().gallery().tiles().size() < 5000 || bar.getValue() < bar.getMax()) {
            robot.interact(() -> bar.setValue(Math.min(bar.getMax(), bar.getValue() + bar.getMax() / 40 + 0.001)));
            nextPulse();
            if (++steps > 2000) {
                throw new AssertionError("did not reach the end");
            }
        }
        long scrollMs = (System.nanoTime() - s0) / 1_000_000;
        Thread.sleep(500);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        big = null;
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("BENCH gallery-5000 first paint (tiles on screen): %d ms (goal <= 1000)%n", firstPaint);
        System.out.printf("BENCH gallery-5000 first thumbnails: %d ms%n", firstThumb);
        System.out.printf("BENCH gallery-5000 scroll end to end: %d steps in %d ms, %d tiles%n", steps, scrollMs,
                app.viewModel().gallery().tiles().size());
        System.out.printf("BENCH gallery-5000 heap after scrolling (after GC): %d MB (goal <= 300)%n", heapMb);
    }

    @Test
    void longestFxStallWhileABatchOfEightRuns(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(home, "batch");
        FakeStudio studio = new FakeStudio(dir.resolve("library"));
        studio.seed(200);
        studio.latency = Duration.ofMillis(400);
        app = launch(studio, dir, robot);
        await(() -> app.viewModel().gallery().tiles().size() == 200);
        Thread.sleep(1500);   // let the first screen's thumbnails settle: this measures the batch
        Probe idle = Probe.during(robot, () -> { }, () -> true, 1000);
        Probe batch = Probe.during(robot, () -> {
            app.viewModel().create().promptProperty().set("eight foxes");
            app.viewModel().create().countProperty().set(8);
            app.viewModel().generation().generate();
        }, () -> !app.viewModel().generation().runningProperty().get()
                && app.viewModel().gallery().tiles().stream().limit(8).allMatch(t -> t.now() instanceof Tile.Stored), 300);
        System.out.printf("BENCH FX-thread gaps with nothing running: longest %d ms, median %d ms%n", idle.worstMs(),
                idle.medianMs());
        System.out.printf("BENCH FX-thread gaps during a batch of 8: longest %d ms, median %d ms, over 50 ms: %d "
                + "(goal: longest <= 50)%n", batch.worstMs(), batch.medianMs(), batch.over(50));
        System.out.printf("BENCH machine load average while measuring: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /// Gaps between the ticks of a 5 ms Timeline on the FX thread (ticks ride on pulses, so the floor is
    /// one frame): a stall of the FX thread or of rendering shows up as a long gap.
    private record Probe(java.util.List<Long> gapsNs) {
        static Probe during(FxRobot robot, Runnable start, BooleanSupplier done, long tailMs) throws Exception {
            java.util.List<Long> gaps = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            AtomicLong last = new AtomicLong();
            Timeline probe = new Timeline(new KeyFrame(javafx.util.Duration.millis(5), e -> {
                long now = System.nanoTime();
                long prev = last.getAndSet(now);
                if (prev != 0) {
                    gaps.add(now - prev);
                }
            }));
            probe.setCycleCount(Timeline.INDEFINITE);
            robot.interact(() -> {
                probe.play();
                start.run();
            });
            await(done);
            Thread.sleep(tailMs);
            robot.interact(probe::stop);
            return new Probe(java.util.List.copyOf(gaps));
        }

        long worstMs() {
            return gapsNs.stream().mapToLong(Long::longValue).max().orElse(0) / 1_000_000;
        }

        long medianMs() {
            return gapsNs.isEmpty() ? 0 : gapsNs.stream().sorted().toList().get(gapsNs.size() / 2) / 1_000_000;
        }

        long over(long ms) {
            return gapsNs.stream().filter(g -> g > ms * 1_000_000).count();
        }
    }
}
