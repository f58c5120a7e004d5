package io.quotacanvas.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/// Asks where to save a file. The app uses native [javafx.stage.FileChooser]s; tests inject an answer (one
/// lambda answers every question). Called on the FX thread.
@FunctionalInterface
public interface FileChooserPort {

    /// The chosen target (PNG or JPEG by its extension), or empty if the person cancelled.
    Optional<Path> chooseSaveTarget(Window owner, String suggestedName);

    /// A folder to export images into, or empty if the person cancelled.
    default Optional<Path> chooseFolder(Window owner) {
        return chooseSaveTarget(owner, "export");
    }

    /// A `.zip` file to export images into, or empty if the person cancelled.
    default Optional<Path> chooseZip(Window owner, String suggestedName) {
        return chooseSaveTarget(owner, suggestedName);
    }
}
