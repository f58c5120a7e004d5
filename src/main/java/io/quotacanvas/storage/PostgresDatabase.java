package io.quotacanvas.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.quotacanvas.storage.StorageException.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/// A PostgreSQL database shared by every Quota Canvas process that names it (the ledger and the prompt
/// cache), through a small connection pool tuned to notice a dead server fast: a connection that can't be
/// had within [PostgresTarget#connectTimeout()] is a classified [StorageException] naming the URL
/// (without the password), never a hang.
///
/// Thread-safe. Each unit of work borrows one connection for its duration; [#transaction] runs it in one
/// transaction. Calls after [#close()] throw [IllegalStateException].
public final class PostgresDatabase implements AutoCloseable {
    /// Connections per process: ledger calls take about a millisecond, so a few serve a whole batch.
    private static final int POOL_SIZE = 4;
    /// A query on a connection whose server vanished without a word ends after this, not never.
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);
    private static final String VERSIONS = """
            CREATE TABLE quota_canvas_schema (
              component TEXT PRIMARY KEY, version INTEGER NOT NULL, updated_ms BIGINT NOT NULL)""";

    private final PostgresTarget target;
    private final String name;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresTarget target, String name, HikariDataSource pool) {
        this.target = target;
        this.name = name;
        this.pool = pool;
    }

    /// Connects to `target` (`name` says what it is in messages, e.g. "ledger database"), failing within
    /// about the connect timeout when the server is down, refuses the login or lacks the database.
    ///
    /// @throws StorageException with a message naming the URL without its password
    public static PostgresDatabase open(PostgresTarget target, String name) {
        String described = name + " " + target.display();
        try {
            return new PostgresDatabase(target, described, new HikariDataSource(config(target)));
        } catch (RuntimeException e) {
            throw PostgresErrors.failure(e, described, "connect to it");
        }
    }

    /// `PostgreSQL <url without password>`.
    public String describe() {
        return "PostgreSQL " + target.display();
    }

    /// Runs `work` on one connection in autocommit mode (reads, single statements).
    public <T> T run(String action, Work<T> work) {
        ensureOpen();
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw PostgresErrors.failure(e, name, action);
        }
    }

    /// Runs `work` in one transaction: all of its statements are committed, or none.
    public <T> T transaction(String action, Work<T> work) {
        ensureOpen();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw PostgresErrors.failure(e, name, action);
        }
    }

    /// Brings `component`'s tables to version `steps.size()`: step `i` takes them from version `i` to `i + 1`.
    /// Runs under a transaction-scoped advisory lock, so processes starting at once migrate one after the
    /// other and each finds the work done; a database written by a newer Quota Canvas is refused.
    ///
    /// @throws StorageException of kind [Kind#NEWER_SCHEMA] for a newer database, or any other failure
    public void migrate(String component, List<List<String>> steps) {
        transaction("set up its tables", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(hashtext('quota-canvas schema'))");
                // a user without CREATE may use tables its database's owner set up
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('quota_canvas_schema') IS NULL")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        s.execute(VERSIONS);
                    }
                }
            }
            int version = version(c, component);
            if (version > steps.size()) {
                throw new StorageException(Kind.NEWER_SCHEMA, name + " was set up by a newer Quota Canvas ("
                        + component + " schema " + version + ", this one knows " + steps.size() + "); update Quota"
                        + " Canvas on this machine", null);
            }
            if (version == steps.size()) {
                return null;
            }
            try (Statement s = c.createStatement()) {
                for (int step = version; step < steps.size(); step++) {
                    for (String sql : steps.get(step)) {
                        s.execute(sql);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO quota_canvas_schema VALUES (?, ?,"
                    + " (extract(epoch FROM now()) * 1000)::bigint) ON CONFLICT (component) DO UPDATE"
                    + " SET version = excluded.version, updated_ms = excluded.updated_ms")) {
                p.setString(1, component);
                p.setInt(2, steps.size());
                p.executeUpdate();
            }
            return null;
        });
    }

    /// Closes the pool; idempotent.
    @Override
    public void close() {
        pool.close();
    }

    private static int version(Connection c, String component) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT version FROM quota_canvas_schema WHERE component = ?")) {
            p.setString(1, component);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static HikariConfig config(PostgresTarget target) {
        long connectMs = Math.max(250, target.connectTimeout().toMillis());
        int connectSeconds = (int) Math.max(1, (connectMs + 999) / 1000);
        HikariConfig c = new HikariConfig();
        c.setPoolName("quota-canvas-ledger");
        c.setJdbcUrl(target.jdbcUrl());
        c.setUsername(target.user());
        c.setPassword(target.password());
        c.setMaximumPoolSize(POOL_SIZE);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(connectMs);
        c.setValidationTimeout(Math.max(250, Math.min(connectMs, 1000)));
        // at start-up: one try for a first connection (itself bounded by connectTimeout), so a refused
        // connection is an error at once and a silent host one within the timeout, never a pool that keeps
        // retrying in the background
        c.setInitializationFailTimeout(1);
        c.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
        // as text: the driver reads its properties with Properties.getProperty, which skips non-String values
        c.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
        c.addDataSourceProperty("loginTimeout", String.valueOf(connectSeconds));
        c.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT.toSeconds()));
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("ApplicationName", "quota-canvas");
        return c;
    }

    private void ensureOpen() {
        if (pool.isClosed()) {
            throw new IllegalStateException(name + " is closed");
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is likely gone; the original error is the one to report
        }
    }

    /// Work on one borrowed connection; it must not keep the connection.
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
