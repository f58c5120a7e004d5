package io.quotacanvas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
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
        root.addHandler(new LazyFileHandler(folder));
    }

    /// Opens the log file on the first record only, so a run that logs nothing (say, one refused for a
    /// broken config) writes nothing to disk. Logging is best effort: an unwritable folder is ignored.
    private static final class LazyFileHandler extends Handler {
        private final Path folder;
        private Handler file;
        private boolean failed;

        LazyFileHandler(Path folder) {
            this.folder = folder;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!isLoggable(record) || failed) {
                return;
            }
            if (file == null) {
                try {
                    Files.createDirectories(folder);
                    file = new FileHandler(folder.resolve("quota-canvas-%g.log").toString(), 1 << 20, 3, true);
                    file.setFormatter(new SimpleFormatter());
                } catch (IOException | RuntimeException e) {
                    failed = true;
                    return;
                }
            }
            file.publish(record);
        }

        @Override
        public synchronized void flush() {
            if (file != null) {
                file.flush();
            }
        }

        @Override
        public synchronized void close() {
            if (file != null) {
                file.close();
            }
        }
    }
}
