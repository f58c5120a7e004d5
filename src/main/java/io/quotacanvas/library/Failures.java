package io.quotacanvas.library;

import io.quotacanvas.storage.Sqlite;
import io.quotacanvas.storage.SqliteFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/// Turns I/O and SQLite failures into [LibraryException]s whose message says what went wrong and what to do,
/// in words a person can act on. The original exception stays attached as the cause for logs.
final class Failures {
    private Failures() {
    }

    /// `action` completes "Could not …", e.g. `save the image to`.
    static LibraryException io(String action, Path path, IOException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        String message;
        if (detail.contains("no space left") || detail.contains("not enough space") || detail.contains("disk full")
                || detail.contains("quota exceeded")) {
            message = "Could not " + action + " " + path + ": the disk is full. Free some space and try again.";
        } else if (e instanceof AccessDeniedException || detail.contains("permission denied")
                || detail.contains("read-only file system")) {
            message = "Could not " + action + " " + path + ": permission denied. Check that you may write to this"
                    + " folder, or choose another library folder.";
        } else if (e instanceof NoSuchFileException) {
            message = "Could not " + action + " " + path + ": the file or folder is missing (was it moved, deleted"
                    + " or is a drive disconnected?).";
        } else if (e instanceof NotDirectoryException) {
            message = "Could not " + action + " " + path + ": a file is in the way where a folder is needed.";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            message = "Could not " + action + " " + path + ": " + fse.getReason() + ".";
        } else {
            message = "Could not " + action + " " + path + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ".";
        }
        return new LibraryException(message, e);
    }

    /// `action` completes "could not …", e.g. `search the library`.
    static LibraryException sql(String action, Path dbFile, SQLException e) {
        return new LibraryException(Sqlite.failure(e, describe(dbFile), action).getMessage(), e);
    }

    /// How errors name the index file and what they advise.
    static SqliteFile describe(Path dbFile) {
        return new SqliteFile(dbFile, "library index", "close Quota Canvas, delete that file and open the library"
                + " again: it is rebuilt from the images", "or choose another library folder");
    }
}
