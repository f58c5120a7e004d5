package io.quotacanvas.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The unexpected-error dialog: a plain sentence, with the technical details folded away (expandable)
/// for a bug report. Readable failures never come here; they go to the notice line.
public final class ErrorDialog {
    private ErrorDialog() {
    }

    public static Alert create(Window owner, I18n i18n, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(i18n.get("app.title"));
        alert.setHeaderText(i18n.get("error.unexpected"));
        alert.setContentText(i18n.get("error.unexpectedHint"));
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(12);
        details.setId("error-details");
        alert.getDialogPane().setExpandableContent(new VBox(6, new Label(i18n.get("error.details")), details));
        alert.getDialogPane().setExpanded(false);
        return alert;
    }
}
