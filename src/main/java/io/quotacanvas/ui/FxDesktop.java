package io.quotacanvas.ui;

import java.awt.Desktop;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.HostServices;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/// The real desktop: the system clipboard, the file manager (through [HostServices]), and a native
/// Save dialog.
public final class FxDesktop implements DesktopPort, FileChooserPort {
    private static final Logger LOG = Logger.getLogger(FxDesktop.class.getName());
    private final HostServices host;
    private final I18n i18n;

    public FxDesktop(HostServices host, I18n i18n) {
        this.host = host;
        this.i18n = i18n;
    }

    @Override
    public void copyText(String text) {
        Clipboard.getSystemClipboard().setContent(Map.of(DataFormat.PLAIN_TEXT, text));
    }

    @Override
    public void copyImage(Path image) {
        Image picture = new Image(image.toUri().toString(), true);
        picture.progressProperty().addListener((o, a, done) -> {
            if (done.doubleValue() >= 1.0 && !picture.isError()) {
                ClipboardContent content = new ClipboardContent();
                content.putImage(picture);
                content.putFiles(java.util.List.of(image.toFile()));
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
    }

    @Override
    public void openFolder(Path folder) {
        try {
            if (host != null) {
                host.showDocument(folder.toUri().toString());
            } else if (Desktop.isDesktopSupported()) {
                Desktop.getDesktop().open(folder.toFile());
            }
        } catch (Exception e) {
            LOG.log(Level.INFO, "could not open " + folder, e);
        }
    }

    @Override
    public void openLink(String url) {
        try {
            if (host != null) {
                host.showDocument(url);
            } else if (Desktop.isDesktopSupported()) {
                Desktop.getDesktop().browse(java.net.URI.create(url));
            }
        } catch (Exception e) {
            LOG.log(Level.INFO, "could not open " + url, e);
        }
    }

    @Override
    public Optional<Path> chooseSaveTarget(javafx.stage.Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("detail.saveAs"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG", "*.png"),
                new FileChooser.ExtensionFilter("JPEG", "*.jpg", "*.jpeg"));
        var file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(javafx.stage.Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("selection.exportFolder"));
        return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
    }

    @Override
    public Optional<Path> chooseZip(javafx.stage.Window owner, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("selection.exportZip"));
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ZIP", "*.zip"));
        var file = chooser.showSaveDialog(owner);
        return Optional.ofNullable(file).map(java.io.File::toPath).map(p -> p.toString().toLowerCase(
                java.util.Locale.ROOT).endsWith(".zip") ? p : p.resolveSibling(p.getFileName() + ".zip"));
    }
}
