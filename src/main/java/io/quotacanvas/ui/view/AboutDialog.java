package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.AppIcons;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.AboutViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/// About Quota Canvas: icon, version, where the library, config file, state and tokens live (selectable,
/// for pasting into a file manager or a bug report), and the licence.
public final class AboutDialog {
    private final AboutViewModel about;
    private final I18n i18n;

    public AboutDialog(AboutViewModel about, I18n i18n) {
        this.about = about;
        this.i18n = i18n;
    }

    public Dialog<ButtonType> create(Window owner) {
        about.refresh();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("about.title"));
        ButtonType open = new ButtonType(i18n.get("about.openLibrary"), ButtonBar.ButtonData.LEFT);
        ButtonType close = new ButtonType(i18n.get("tokens.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().addAll(open, close);
        dialog.getDialogPane().lookupButton(open).setId("about-open-library");
        dialog.getDialogPane().lookupButton(close).setId("about-close");
        dialog.getDialogPane().setId("about");
        VBox content = new VBox(16, createHeader(), createFolders(), createLicence());
        content.setPadding(new Insets(8, 12, 0, 12));
        dialog.getDialogPane().setContent(content);
        // the vault's sentence arrives after the dialog is laid out: grow to fit it
        javafx.beans.value.ChangeListener<String> grow = (o, before, now) -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        };
        about.vaultProperty().addListener(grow);
        dialog.setOnHidden(e -> about.vaultProperty().removeListener(grow));
        dialog.getDialogPane().setPrefWidth(620);
        dialog.setResultConverter(b -> {
            if (b == open) {
                about.openLibraryFolder();
            }
            return b;
        });
        dialog.setOnShowing(e -> ((Stage) dialog.getDialogPane().getScene().getWindow()).getIcons()
                .setAll(AppIcons.all()));
        return dialog;
    }

    private Node createHeader() {
        Label name = new Label(i18n.get("app.title"));
        name.getStyleClass().add(Styles.TITLE_2);
        Label version = new Label(about.versionText());
        version.setId("about-version");
        Label tagline = new Label(i18n.get("about.tagline"));
        tagline.setWrapText(true);
        tagline.setMinHeight(Region.USE_PREF_SIZE);
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        HBox header = new HBox(16, new ImageView(AppIcons.of(64)), new VBox(2, name, version, tagline));
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node createFolders() {
        GridPane grid = new GridPane(10, 6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(names, values);
        grid.addRow(0, new Label(i18n.get("about.library")), path("about-library", about.libraryFolder().toString()));
        grid.addRow(1, new Label(i18n.get("about.config")), path("about-config", about.configFile().toString()));
        grid.addRow(2, new Label(i18n.get("about.state")), path("about-state", about.stateFolder().toString()));
        Label vault = new Label();
        vault.setId("about-vault");
        vault.textProperty().bind(about.vaultProperty());
        vault.setWrapText(true);
        vault.setMinHeight(Region.USE_PREF_SIZE);
        vault.setPrefWidth(440);
        grid.addRow(3, new Label(i18n.get("about.vault")), vault);
        return grid;
    }

    private Node createLicence() {
        Label licence = new Label(about.licence());
        licence.setId("about-licence");
        licence.setWrapText(true);
        licence.setPrefWidth(570);
        licence.setMinHeight(Region.USE_PREF_SIZE);
        licence.getStyleClass().add(Styles.TEXT_SMALL);
        licence.setPadding(new Insets(4, 0, 0, 0));
        return licence;
    }

    private static TextField path(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setEditable(false);
        f.setPrefColumnCount(34);
        return f;
    }
}
