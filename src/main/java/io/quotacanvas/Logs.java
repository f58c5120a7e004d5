package io.quotacanvas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/// Sends java.util.logging to a rotating file in the state folder instead of the console, so people
/// see messages, not stack traces, while the details stay available for bug reports.
final class Logs {
    private Logs() {
    }

    static void toFile(Path folder) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.INFO);
        try {
            Files.createDirectories(folder);
            FileHandler file = new FileHandler(folder.resolve("quota-canvas-%g.log").toString(), 1 << 20, 3, true);
            file.setFormatter(new SimpleFormatter());
            root.addHandler(file);
        } catch (IOException | RuntimeException e) {
            // logging is best effort: a read-only state folder must not stop the program
        }
    }
}
