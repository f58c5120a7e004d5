package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.Sqlite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/// The SQLite [LedgerDb]: one connection shared by the threads of a process. Calls are serialised on a
/// lock, statements are prepared once, and each write is one short `BEGIN IMMEDIATE` transaction so other
/// processes wait (up to the busy timeout) instead of failing; that write lock covers the whole file, so
/// [Session#lockToken] has nothing more to do.
final class LedgerConnection implements LedgerDb, LedgerDb.Session {

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    LedgerConnection(Path file, Duration busyTimeout) {
        this.file = file;
        this.connection = LedgerSchema.open(file, busyTimeout);
    }

    @Override
    public <T> T read(String action, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run(this);
        } catch (SQLException e) {
            throw LedgerException.of(Sqlite.failure(e, LedgerSchema.describe(file), action));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public <T> T write(String action, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            update("BEGIN IMMEDIATE");
            try {
                T result = work.run(this);
                update("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw LedgerException.of(Sqlite.failure(e, LedgerSchema.describe(file), action));
        } finally {
            lock.unlock();
        }
    }

    /// Prepared once per connection and kept: the ledger runs the same few statements all the time.
    @Override
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    @Override
    public void lockToken(String fingerprint) {
        // BEGIN IMMEDIATE already holds the file's one write lock
    }

    @Override
    public String describe() {
        return "SQLite " + file.toAbsolutePath();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                statements.clear();
                Sqlite.closeQuietly(connection); // closes its statements too
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            update("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error is the one to report
        }
    }

    private void ensureOpen() {
        if (connection == null) {
            throw new IllegalStateException("ledger " + file + " is closed");
        }
    }
}
