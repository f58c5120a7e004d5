package io.quotacanvas.ui;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.stage.Window;

/// Starts the studio on JavaFX's headless platform and ends the JVM as soon as its window is interactive
/// (the Generate button laid out). The launcher uses it to record an ahead-of-time cache of start-up
/// (`-XX:AOTCacheOutput`), which roughly halves later launches; benchmarks use it to time a cold start.
public final class StudioWarmRun {
    private static final long LIMIT_NANOS = 60_000_000_000L;

    private StudioWarmRun() {
    }

    /// Runs until interactive, reports the JVM's uptime in milliseconds to `interactive`, and halts.
    /// Exits with status 2 if the window is not interactive within a minute.
    public static void run(LongConsumer interactive) {
        System.setProperty("glass.platform", "Headless");
        System.setProperty("prism.order", "sw");
        Thread.ofPlatform().name("quota-canvas-warm-run").daemon().start(() -> poll(interactive));
        StudioLauncher.launch(new String[0]);
    }

    private static void poll(LongConsumer interactive) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(() -> check(interactive));
            } catch (IllegalStateException toolkitNotStartedYet) {
                // keep polling until JavaFX is up
            }
            pause();
        }
        Runtime.getRuntime().halt(2);
    }

    private static void check(LongConsumer interactive) {
        boolean ready = Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().lookup("#generate"))
                .anyMatch(n -> n != null && n.getLayoutBounds().getWidth() > 0);
        if (ready) {
            interactive.accept(ManagementFactory.getRuntimeMXBean().getUptime());
            // halt, not exit: the AOT cache is written at halt too, and nothing must run the app's shutdown
            Runtime.getRuntime().halt(0);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
