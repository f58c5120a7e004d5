package io.quotacanvas.ui;

import io.quotacanvas.Main;
import java.lang.management.ManagementFactory;
import javafx.application.Platform;
import javafx.stage.Window;

/// Runs the real launcher ([Main] with no arguments) in a fresh JVM and prints the JVM's uptime once the
/// studio window is showing with its Generate button laid out — cold launch to interactive. Used by
/// [StartupBenchmark]; exits by itself (after 60 s at the latest).
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) {
        Thread.ofPlatform().daemon().start(StartupProbe::poll);
        Main.main(new String[0]);
    }

    private static void poll() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                Platform.runLater(StartupProbe::check);
            } catch (IllegalStateException toolkitNotStartedYet) {
                // keep polling until JavaFX is up
            }
            sleep(5);
        }
        System.out.println("STARTUP timeout");
        System.exit(2);
    }

    private static void check() {
        boolean ready = Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene() == null ? null : w.getScene().lookup("#generate"))
                .anyMatch(n -> n != null && n.getLayoutBounds().getWidth() > 0);
        if (ready) {
            System.out.println("STARTUP " + ManagementFactory.getRuntimeMXBean().getUptime());
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
