package io.quotacanvas.ui;

/// Starts the desktop studio (a plain class, so the shaded jar can start JavaFX from the class path).
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> java.util.logging.Logger.getLogger("io.quotacanvas.ui")
                .log(java.util.logging.Level.SEVERE, "uncaught on " + t.getName(), e));
        javafx.application.Application.launch(StudioApp.class, args);
    }
}
