package io.quotacanvas.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.storage.StorageException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTest {

    @TempDir
    Path dir;

    private SqliteFile file(Path path) {
        return new SqliteFile(path, "test file", "delete it", "or pick another folder");
    }

    @Test
    void aNewFileIsCreatedWithItsFoldersInWalMode() throws Exception {
        Path path = dir.resolve("a").resolve("b.db");
        try (Connection c = Sqlite.open(file(path), Duration.ofSeconds(1));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertTrue(rs.next());
            assertEquals("wal", rs.getString(1));
        }
        assertTrue(Files.isRegularFile(path));
    }

    @Test
    void aFileThatIsNotADatabaseIsDamagedWithTheCallersAdvice() throws Exception {
        Path path = Files.writeString(dir.resolve("notes.db"), "plain notes, not a database\n".repeat(50));

        StorageException e = assertThrows(StorageException.class, () -> Sqlite.open(file(path), Duration.ofSeconds(1)));

        assertEquals(Kind.DAMAGED, e.kind());
        assertEquals("test file " + path + " is not an SQLite database or is damaged, so Quota Canvas could not open"
                + " it; delete it", e.getMessage());
    }

    @Test
    void aFolderInPlaceOfTheFileCannotBeOpened() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.db"));

        StorageException e = assertThrows(StorageException.class,
                () -> Sqlite.open(file(folder), Duration.ofSeconds(1)));

        assertEquals(Kind.NOT_WRITABLE, e.kind());
        assertTrue(e.getMessage().startsWith("test file " + folder + " can't be opened"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or pick another folder"), e.getMessage());
    }

    @Test
    void aFileLockedLongerThanTheBusyTimeoutIsBusyAndOpensOnceReleased() throws Exception {
        Path path = dir.resolve("locked.db");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement s = other.createStatement()) {
            s.execute("CREATE TABLE t (x)");
            s.execute("BEGIN EXCLUSIVE");

            StorageException e = assertThrows(StorageException.class,
                    () -> Sqlite.open(file(path), Duration.ofMillis(300)));

            assertEquals(Kind.BUSY, e.kind());
            assertTrue(e.getMessage().contains("locked by another Quota Canvas process"), e.getMessage());
            s.execute("ROLLBACK");
        }
        Sqlite.open(file(path), Duration.ofMillis(300)).close();
    }
}
