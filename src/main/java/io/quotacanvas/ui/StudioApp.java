package io.quotacanvas.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/// The desktop studio's JavaFX application. (Skeleton.)
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Quota Canvas");
        stage.show();
    }
}
