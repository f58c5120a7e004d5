package io.quotacanvas.storage;

import io.quotacanvas.storage.StorageException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/// The one way Quota Canvas opens its SQLite files (the ledger, the prompt cache, the library index) and
/// the one mapping of SQLite failures to a classified [StorageException] with an actionable message.
///
/// Every connection gets WAL (readers run beside the one writer, so the studio and any number of CLI runs
/// share a file), `synchronous = NORMAL`, a busy timeout, and `BEGIN IMMEDIATE` for transactions the
/// driver starts. Stateless and thread-safe.
public final class Sqlite {
    private static final Duration FIRST_RETRY = Duration.ofMillis(20);

    private Sqlite() {
    }

    /// Opens `file` (creating it and its folders), retrying while another process holds a lock, for up to
    /// `busyTimeout` in all. The caller owns the connection.
    ///
    /// @throws StorageException if the folder can't be created or the file can't be opened as a database
    public static Connection open(SqliteFile file, Duration busyTimeout) {
        try {
            Path parent = file.path().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException(Kind.NOT_WRITABLE, "cannot create the folder of " + file.describe() + " ("
                    + e.getClass().getSimpleName() + "); check that it is writable, " + file.elsewhere(), e);
        }
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        Duration pause = FIRST_RETRY;
        while (true) {
            try {
                return connect(file, busyTimeout);
            } catch (SQLException e) {
                if (kindOf(e) != Kind.BUSY || System.nanoTime() + pause.toNanos() > deadline || !sleep(pause)) {
                    throw failure(e, file, "open it");
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    /// Translates an SQLite failure while trying to `action` (a verb phrase: "open it", "record a cooling").
    public static StorageException failure(SQLException e, SqliteFile file, String action) {
        String where = file.describe();
        Kind kind = kindOf(e);
        String text = switch (kind) {
            case DAMAGED -> where + " is not an SQLite database or is damaged, so Quota Canvas could not " + action
                    + "; " + file.ifDamaged();
            case BUSY -> where + " stayed locked by another Quota Canvas process for too long, so this one could not "
                    + action + "; wait for the other run to finish, then try again";
            case NOT_WRITABLE -> code(e) == 8
                    ? where + " is read-only, so Quota Canvas could not " + action + "; make the file and its folder"
                    + " writable, " + file.elsewhere()
                    : where + " can't be opened, so Quota Canvas could not " + action + "; make sure it is a file (not"
                    + " a folder) in a writable folder, " + file.elsewhere();
            case DISK_FULL -> where + ": the disk is full, so Quota Canvas could not " + action + "; free some space"
                    + " and try again";
            case IO_ERROR -> where + ": disk read/write error, so Quota Canvas could not " + action + "; check the"
                    + " disk, or " + file.ifDamaged();
            default -> where + ": SQLite error " + code(e) + " (" + firstLine(e) + ") while trying to " + action
                    + "; if this persists, " + file.ifDamaged();
        };
        return new StorageException(kind, text, e);
    }

    /// Closes `connection` (null is fine), ignoring errors: used when already failing or shutting down.
    public static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing or closing; the first problem is the one worth reporting
        }
    }

    private static Connection connect(SqliteFile file, Duration busyTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(Math.toIntExact(busyTimeout.toMillis()));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.path().toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            // WAL lets readers run beside the one writer; NORMAL is durable enough for caches and indexes
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static Kind kindOf(SQLException e) {
        return switch (code(e)) {
            case 26, 11 -> Kind.DAMAGED;
            case 5, 6 -> Kind.BUSY;
            case 14, 3, 8, 23 -> Kind.NOT_WRITABLE;
            case 13 -> Kind.DISK_FULL;
            case 10 -> Kind.IO_ERROR;
            default -> Kind.FAILED;
        };
    }

    /// The primary SQLite result code (extended codes carry it in their low byte).
    private static int code(SQLException e) {
        return e instanceof SQLiteException s ? s.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /// False when interrupted (the flag is kept, so the caller gives up).
    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
