package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.Sqlite;
import io.quotacanvas.storage.SqliteFile;
import io.quotacanvas.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/// Opens the ledger file and brings its schema to [#VERSION] (`PRAGMA user_version`).
///
/// Each migration step is one entry of [#STEPS]: step `i` takes the file from version `i` to `i + 1`.
/// Later versions append steps and never edit old ones, so any older file can be carried forward.
final class LedgerSchema {

    /// How long a call waits for another process's write transaction before giving up.
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(10);

    private static final List<List<String>> STEPS = List.of(List.of(
            // Token-wide (model '') or token × model state; kind is 'cooling' (until set) or 'invalid'.
            """
            CREATE TABLE token_state (
              fingerprint TEXT NOT NULL, model TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('cooling', 'invalid')), until_ms INTEGER,
              reason TEXT, message TEXT, updated_ms INTEGER NOT NULL,
              PRIMARY KEY (fingerprint, model)) WITHOUT ROWID""",
            "CREATE INDEX token_state_provider ON token_state (provider)",
            // Every fingerprint the ledger has heard of, so status views can list ready tokens too.
            """
            CREATE TABLE token (
              fingerprint TEXT PRIMARY KEY, provider TEXT NOT NULL,
              first_seen_ms INTEGER NOT NULL, last_used_ms INTEGER) WITHOUT ROWID""",
            "CREATE INDEX token_provider ON token (provider)",
            // Images per token per local day (ISO date in the ledger's zone).
            """
            CREATE TABLE token_usage (
              fingerprint TEXT NOT NULL, day TEXT NOT NULL, images INTEGER NOT NULL,
              PRIMARY KEY (fingerprint, day)) WITHOUT ROWID""",
            """
            CREATE TABLE model_unavailable (
              provider TEXT NOT NULL, model TEXT NOT NULL, until_ms INTEGER NOT NULL,
              message TEXT, updated_ms INTEGER NOT NULL,
              PRIMARY KEY (provider, model)) WITHOUT ROWID"""),
            // v2: the provider's last remaining/limit figures per token × model (ModelScope headers);
            // a column is NULL when the provider did not send that figure.
            List.of("""
            CREATE TABLE token_quota (
              fingerprint TEXT NOT NULL, model TEXT NOT NULL, provider TEXT NOT NULL,
              requests_remaining INTEGER, requests_limit INTEGER, model_remaining INTEGER, model_limit INTEGER,
              updated_ms INTEGER NOT NULL,
              PRIMARY KEY (fingerprint, model)) WITHOUT ROWID"""),
            // v3: in-flight leases shared by every process; AUTOINCREMENT so a released id is never reused
            // (releasing an old lease twice must not free a newer one)
            List.of("""
            CREATE TABLE token_lease (
              id INTEGER PRIMARY KEY AUTOINCREMENT, fingerprint TEXT NOT NULL, holder TEXT NOT NULL,
              expires_ms INTEGER NOT NULL, taken_ms INTEGER NOT NULL)""",
            "CREATE INDEX token_lease_fingerprint ON token_lease (fingerprint, expires_ms)",
            "CREATE INDEX token_lease_holder ON token_lease (holder)"));

    static final int VERSION = STEPS.size();

    private LedgerSchema() {
    }

    /// How errors name the ledger file and what they advise.
    static SqliteFile describe(Path file) {
        return new SqliteFile(file, "ledger file", "move it away and Quota Canvas will start a new one (token"
                + " coolings are then relearned)", "or set QUOTA_CANVAS_HOME to another folder");
    }

    /// Opens (creating file and parent folders if needed) and migrates; the caller owns the connection.
    static Connection open(Path file, Duration busyTimeout) {
        SqliteFile target = describe(file);
        Connection connection;
        try {
            connection = Sqlite.open(target, busyTimeout);
        } catch (StorageException e) {
            throw LedgerException.of(e);
        }
        try {
            migrate(connection, file);
            return connection;
        } catch (SQLException e) {
            Sqlite.closeQuietly(connection);
            throw LedgerException.of(Sqlite.failure(e, target, "open it"));
        } catch (RuntimeException e) {
            Sqlite.closeQuietly(connection);
            throw e;
        }
    }

    private static void migrate(Connection connection, Path file) throws SQLException {
        if (userVersion(connection) == VERSION) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            // IMMEDIATE and re-read inside: two processes opening a new file must not both create it.
            s.execute("BEGIN IMMEDIATE");
            try {
                int version = userVersion(connection);
                if (version > VERSION) {
                    throw new LedgerException(StorageException.Kind.NEWER_SCHEMA, "ledger file " + file
                            + " was written by a newer Quota Canvas (schema " + version + ", this one knows "
                            + VERSION + "); update Quota Canvas, or move the file away and it will start a new one",
                            null);
                }
                for (int step = version; step < VERSION; step++) {
                    for (String sql : STEPS.get(step)) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + VERSION);
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
