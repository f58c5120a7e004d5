package io.quotacanvas.ui;

import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryFixtures;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The gallery over a real library of 20,000 images (PNG files with their metadata, the SQLite index the
/// library builds from them, the real core behind the studio): first paint, heap after the first screen and
/// after scrolling end to end, and how many rows are in memory then. Run with `-Pbench`; the goals are in
/// issue 13 (first paint <= 1 s, heap <= 300 MB).
@ExtendWith(ApplicationExtension.class)
class GalleryBenchmark {
    private static final int IMAGES = 20_000;

    @TempDir
    static Path home;

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

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    private static void nextPulse() throws Exception {
        var latch = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(Platform::requestNextPulse);
        Platform.runLater(() -> Platform.runLater(latch::countDown));
        latch.await(10, TimeUnit.SECONDS);
    }

    private StudioSetup setup(Path dir, Path library) {
        return new StudioSetup(Map.of("QUOTA_CANVAS_HOME", dir.toString(),
                "QUOTA_CANVAS_LIBRARY", library.toString(), "QUOTA_CANVAS_VAULT", "file"), Clock.systemUTC(),
                StudioSetup.CORE, (o, n) -> Optional.empty(), new StudioFixture.RecordingDesktop(), (o, m, l) -> true,
                TokenManagerHook.NONE, false);
    }

    /// Opens and closes the studio over `images` real images; returns (ms) the core's opening, and the window
    /// from its start to the gallery's first tiles on screen.
    private long[] open(FxRobot robot, Path dir, Path library, int images) throws Exception {
        long t0 = System.nanoTime();
        app = new StudioApp(setup(dir, library));
        app.init();
        long t1 = System.nanoTime();
        robot.interact(() -> app.start(stage));
        await(() -> app.viewModel().gallery().tiles().size() == images
                && app.viewModel().gallery().tiles().getFirst() instanceof Tile.Stored);
        nextPulse();
        long t2 = System.nanoTime();
        return new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000};
    }

    @Test
    void twentyThousandImagesFromTheRealLibrary(FxRobot robot) throws Exception {
        Path dir = Files.createTempDirectory(home, "big");
        Path library = dir.resolve("library");
        // a first, small studio loads the window's classes (as the launch benchmark's "toolkit already started")
        Path small = Files.createTempDirectory(home, "small");
        LibraryFixtures.fill(small.resolve("library"), 60, Instant.parse("2026-11-24T08:00:00Z"));
        long[] warm = open(robot, small, small.resolve("library"), 60);
        robot.interact(app::requestClose);
        app = null;
        long w0 = System.nanoTime();
        LibraryFixtures.fill(library, IMAGES, Instant.parse("2026-11-24T08:00:00Z"));
        try (Library built = new Library(library)) {   // builds the SQLite index from the files, as on first open
            if (built.count(LibraryQuery.all(0)) != IMAGES) {
                throw new AssertionError("the index holds " + built.count(LibraryQuery.all(0)));
            }
        }
        System.out.printf("BENCH gallery-20000 setup (files + index): %d ms%n", (System.nanoTime() - w0) / 1_000_000);
        for (int i = 0; i < 3; i++) {
            System.gc();
        }

        long[] big = open(robot, dir, library, IMAGES);
        long heapFirst = heapAfterGc();

        ScrollBar bar = robot.lookup("#gallery-grid .scroll-bar:vertical").queryAs(ScrollBar.class);
        long s0 = System.nanoTime();
        int steps = 0;
        while (bar.getValue() < bar.getMax()) {
            robot.interact(() -> bar.setValue(Math.min(bar.getMax(), bar.getValue() + bar.getMax() / 200 + 0.0001)));
            nextPulse();
            if (++steps > 5000) {
                throw new AssertionError("did not reach the end");
            }
        }
        await(() -> app.viewModel().gallery().tiles().getLast() instanceof Tile.Stored);
        long scrollMs = (System.nanoTime() - s0) / 1_000_000;
        Thread.sleep(500);
        long heapEnd = heapAfterGc();
        System.out.printf("BENCH gallery-20000 first paint (tiles on screen, real library): %d ms from the window's"
                + " start (goal <= 1000); %d ms with opening the core (%d ms)%n", big[1], big[2], big[0]);
        System.out.printf("BENCH gallery-60 (same, small library, first in the JVM): %d ms from the window's start;"
                + " %d ms with opening the core (%d ms)%n", warm[1], warm[2], warm[0]);
        System.out.printf("BENCH gallery-20000 heap after the first screen (after GC): %d MB%n", heapFirst);
        System.out.printf("BENCH gallery-20000 scroll end to end: %d steps in %d ms%n", steps, scrollMs);
        System.out.printf("BENCH gallery-20000 heap after scrolling end to end (after GC): %d MB (goal <= 300)%n",
                heapEnd);
        System.out.printf("BENCH gallery-20000 rows in memory after scrolling: %d of %d%n",
                app.viewModel().gallery().storedImages().size(), IMAGES);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
