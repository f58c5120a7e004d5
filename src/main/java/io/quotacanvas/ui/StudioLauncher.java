package io.quotacanvas.ui;

/// Starts the desktop studio. (Skeleton: the studio lands with its own issue.)
public final class StudioLauncher {
    private StudioLauncher() {
    }

    public static void launch(String[] args) {
        javafx.application.Application.launch(StudioApp.class, args);
    }
}
