package io.quotacanvas.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/// Asks where to save a file. The app uses a native [javafx.stage.FileChooser]; tests inject an answer.
/// Called on the FX thread.
@FunctionalInterface
public interface FileChooserPort {

    /// The chosen target (PNG or JPEG by its extension), or empty if the person cancelled.
    Optional<Path> chooseSaveTarget(Window owner, String suggestedName);
}
