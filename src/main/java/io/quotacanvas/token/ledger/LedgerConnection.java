package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.Sqlite;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/// One SQLite connection shared by the threads of a process: calls are serialised on a lock, statements
/// are prepared once, and each write is one short `BEGIN IMMEDIATE` transaction so other processes wait
/// (up to the busy timeout) instead of failing. [#query] and [#update] are only for use inside
/// [#read]/[#write] work, which runs under the lock.
final class LedgerConnection implements AutoCloseable {

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    LedgerConnection(Path file, Duration busyTimeout) {
        this.file = file;
        this.connection = LedgerSchema.open(file, busyTimeout);
    }

    /// Runs `work` (reads only); an SQLite failure becomes a [LedgerException] about `action`.
    <T> T read(String action, Work<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run();
        } catch (SQLException e) {
            throw LedgerException.of(Sqlite.failure(e, LedgerSchema.describe(file), action));
        } finally {
            lock.unlock();
        }
    }

    /// Runs `steps` in one write transaction: all of them are committed, or none.
    void write(String action, Steps steps) {
        lock.lock();
        try {
            ensureOpen();
            update("BEGIN IMMEDIATE");
            try {
                steps.run();
                update("COMMIT");
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

    /// The caller closes the result set (an open one would hold a read snapshot).
    ResultSet query(String sql, Object... args) throws SQLException {
        return bind(sql, args).executeQuery();
    }

    void update(String sql, Object... args) throws SQLException {
        bind(sql, args).executeUpdate();
    }

    /// Closes the connection; idempotent. Later calls throw [IllegalStateException].
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

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
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

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    interface Steps {
        void run() throws SQLException;
    }
}
