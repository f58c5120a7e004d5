package io.quotacanvas.ui.view;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.ThemeChoice;
import io.quotacanvas.ui.viewmodel.SettingsViewModel;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/// The settings dialog: theme, language, library folder and config file. OK applies; the folders take
/// effect at the next start (the dialog says so).
public final class SettingsDialog {
    private final SettingsViewModel settings;
    private final I18n i18n;

    public SettingsDialog(SettingsViewModel settings, I18n i18n) {
        this.settings = settings;
        this.i18n = i18n;
    }

    public Dialog<ButtonType> create(Window owner) {
        settings.reset();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("settings.title"));
        ButtonType ok = new ButtonType(i18n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("settings-ok");
        dialog.getDialogPane().setContent(createForm());
        dialog.setResultConverter(b -> {
            if (b == ok) {
                settings.apply();
            }
            return b;
        });
        return dialog;
    }

    private VBox createForm() {
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label(i18n.get("settings.theme")), themePicker());
        grid.addRow(1, new Label(i18n.get("settings.language")), languagePicker());
        grid.addRow(2, new Label(i18n.get("settings.library")), path("settings-library", settings.libraryFolderProperty()));
        grid.addRow(3, new Label(i18n.get("settings.config")), path("settings-config", settings.configFileProperty()));
        Label note = new Label(i18n.get("settings.restartNote"));
        note.setWrapText(true);
        note.setMaxWidth(420);
        return new VBox(12, grid, note);
    }

    private ComboBox<ThemeChoice> themePicker() {
        ComboBox<ThemeChoice> box = new ComboBox<>(FXCollections.observableArrayList(ThemeChoice.values()));
        box.setId("settings-theme");
        box.valueProperty().bindBidirectional(settings.themeProperty());
        box.setCellFactory(lv -> themeCell());
        box.setButtonCell(themeCell());
        return box;
    }

    private ListCell<ThemeChoice> themeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(ThemeChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.get("theme." + item.name().toLowerCase(Locale.ROOT)));
            }
        };
    }

    private ComboBox<Locale> languagePicker() {
        ComboBox<Locale> box = new ComboBox<>(FXCollections.observableArrayList(I18n.LANGUAGES));
        box.setId("settings-language");
        box.valueProperty().bindBidirectional(settings.languageProperty());
        box.setCellFactory(lv -> languageCell());
        box.setButtonCell(languageCell());
        return box;
    }

    private ListCell<Locale> languageCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Locale item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.get("language." + item.getLanguage()));
            }
        };
    }

    private static TextField path(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(28);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
