package io.quotacanvas.ui;

import java.nio.file.Path;

/// The few desktop services view-models use (clipboard, file manager), behind an interface so tests can
/// see what was asked. Called on the FX thread; implementations never block it.
public interface DesktopPort {

    void copyText(String text);

    /// Puts the image file's picture on the clipboard (loaded in the background).
    void copyImage(Path image);

    /// Shows the folder in the system's file manager.
    void openFolder(Path folder);

    /// Opens a web page in the browser (the welcome panel's token pages). Does nothing by default.
    default void openLink(String url) {
    }
}
