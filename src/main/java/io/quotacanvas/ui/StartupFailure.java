package io.quotacanvas.ui;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/// The window shown instead of the studio when the core cannot be opened (a config with mistakes, an
/// unwritable folder): what went wrong, in words, and a Quit button.
final class StartupFailure {
    private StartupFailure() {
    }

    static void show(Stage stage, I18n i18n, Exception error) {
        Label title = new Label(i18n.get("startup.failed"));
        title.getStyleClass().add(Styles.TITLE_3);
        String text = Errors.readable(error, i18n).orElse(i18n.get("error.unexpectedHint") + "\n\n" + error);
        TextArea details = new TextArea(text);
        details.setId("startup-error");
        details.setEditable(false);
        details.setWrapText(true);
        Button quit = new Button(i18n.get("close.quit"));
        quit.setOnAction(e -> Platform.exit());
        VBox box = new VBox(12, title, details, quit);
        box.setPadding(new Insets(16));
        stage.setScene(new Scene(box, 640, 360));
        stage.setTitle(i18n.get("app.title"));
        stage.show();
    }
}
