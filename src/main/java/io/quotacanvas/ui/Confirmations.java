package io.quotacanvas.ui;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/// Asks a yes/no question (delete this image? quit while generating?). Called on the FX thread.
@FunctionalInterface
public interface Confirmations {

    /// True if the person chose `confirmLabel`.
    boolean ask(Window owner, String message, String confirmLabel);

    /// A modal alert whose buttons are `#confirm-ok` and `#confirm-cancel`.
    static Confirmations dialogs(I18n i18n) {
        return (owner, message, confirmLabel) -> {
            ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
            ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, ok, cancel);
            alert.initOwner(owner);
            alert.setTitle(i18n.get("app.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().lookupButton(ok).setId("confirm-ok");
            alert.getDialogPane().lookupButton(cancel).setId("confirm-cancel");
            Optional<ButtonType> answer = alert.showAndWait();
            return answer.isPresent() && answer.get() == ok;
        };
    }
}
