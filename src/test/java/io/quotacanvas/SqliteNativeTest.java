package io.quotacanvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// SQLite's native library is copied to the state folder once and loaded from there afterwards.
class SqliteNativeTest {
    @TempDir
    Path state;

    private final String path = System.getProperty(SqliteNative.PATH_PROPERTY);
    private final String name = System.getProperty(SqliteNative.NAME_PROPERTY);

    @AfterEach
    void restoreProperties() {
        restore(SqliteNative.PATH_PROPERTY, path);
        restore(SqliteNative.NAME_PROPERTY, name);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void theLibraryIsCopiedOnceAndTheDriverIsPointedAtTheCopy() throws Exception {
        System.clearProperty(SqliteNative.PATH_PROPERTY);
        SqliteNative.useCachedCopy(state);
        Path dir = Path.of(System.getProperty(SqliteNative.PATH_PROPERTY));
        Path lib = dir.resolve(System.getProperty(SqliteNative.NAME_PROPERTY));
        assertTrue(dir.startsWith(state) && Files.size(lib) > 100_000, lib.toString());
        FileTime written = Files.getLastModifiedTime(lib);

        System.clearProperty(SqliteNative.PATH_PROPERTY);
        SqliteNative.useCachedCopy(state);
        assertEquals(written, Files.getLastModifiedTime(lib), "a warm start must not write the library again");
        try (Stream<Path> files = Files.walk(state)) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "no temp files are left behind");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); ResultSet rs =
                c.createStatement().executeQuery("select sqlite_version()")) {
            assertTrue(rs.next());
        }
    }

    @Test
    void aCopyCutShortByACrashIsCleanedUpWhenTheLibraryIsCopiedAgain() throws Exception {
        System.clearProperty(SqliteNative.PATH_PROPERTY);
        SqliteNative.useCachedCopy(state);
        Path dir = Path.of(System.getProperty(SqliteNative.PATH_PROPERTY));
        Path lib = dir.resolve(System.getProperty(SqliteNative.NAME_PROPERTY));
        Files.delete(lib);
        Path leftover = Files.write(dir.resolve(".qc-999999999-cut.tmp"), new byte[] {1, 2, 3});

        System.clearProperty(SqliteNative.PATH_PROPERTY);
        SqliteNative.useCachedCopy(state);

        assertTrue(Files.size(lib) > 100_000, lib.toString());
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aPathTheUserChoseWins() {
        System.setProperty(SqliteNative.PATH_PROPERTY, "/somewhere/else");
        SqliteNative.useCachedCopy(state);
        assertEquals("/somewhere/else", System.getProperty(SqliteNative.PATH_PROPERTY));
        assertTrue(state.toFile().list().length == 0);
    }
}
