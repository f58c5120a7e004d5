package io.quotacanvas;

import io.quotacanvas.storage.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/// Keeps one copy of SQLite's native library in the state folder, so a launch loads it from there instead
/// of extracting it from the jar into the temp folder (and scanning that folder for stale copies) every
/// time: about a quarter of a second of every command-line run.
///
/// The copy lives under `native/sqlite-<driver version>-<os>-<arch>/` and is written atomically, so an
/// upgrade gets a fresh folder and a crash never leaves a half file. Best effort: when anything fails, the
/// driver extracts the library as it always did. A `org.sqlite.lib.path` set by the user wins.
final class SqliteNative {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNative() {
    }

    /// Points the SQLite driver at the cached copy under `cacheRoot`, writing it first when missing.
    static void useCachedCopy(Path cacheRoot) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            // keyed by what the JVM says, so a warm start never asks the driver's OSInfo, which runs `uname`
            String platform = (System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", ""))
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            String name = System.mapLibraryName("sqlitejdbc");
            Path dir = cacheRoot.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib) && !extract(lib, name)) {
                return;
            }
            System.setProperty(NAME_PROPERTY, name);
            System.setProperty(PATH_PROPERTY, dir.toString());
        } catch (IOException | RuntimeException | LinkageError e) {
            // the driver's own extraction still works; this was only a shortcut
        }
    }

    /// Copies the driver's library for this platform to `lib` atomically and durably, first removing what a
    /// crashed copy left; false when the jar has none.
    private static boolean extract(Path lib, String name) throws IOException {
        URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/"
                + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name);
        if (resource == null) {
            return false;
        }
        AtomicFiles.cleanLeftoversBeside(lib);
        // durable: after a power cut a torn copy would otherwise be found and loaded at every launch; the one
        // fsync happens once per driver version
        AtomicFiles.write(lib, out -> {
            try (InputStream in = resource.openStream()) {
                in.transferTo(out);
            }
        }, AtomicFiles.Option.DURABLE);
        return true;
    }
}
