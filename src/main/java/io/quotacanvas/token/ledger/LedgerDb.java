package io.quotacanvas.token.ledger;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/// The store under a [SqlLedger]: an SQLite file or a PostgreSQL database. It runs units of work, each in
/// one transaction, and turns the driver's failures into [LedgerException]s about `action` (a verb phrase
/// such as "record a cooling").
interface LedgerDb extends AutoCloseable {

    /// Runs `work` (reads only).
    <T> T read(String action, Work<T> work);

    /// Runs `work` in one write transaction: all of its writes are committed, or none.
    <T> T write(String action, Work<T> work);

    /// Where the store is, for people: a file path, or a URL without its password.
    String describe();

    /// Idempotent; later calls throw [IllegalStateException].
    @Override
    void close();

    /// The statements one unit of work runs; only valid inside [#read]/[#write].
    interface Session {
        /// A statement for `sql`, owned by the session (it closes it, or keeps it for the next time).
        PreparedStatement prepare(String sql) throws SQLException;

        /// The caller closes the result set.
        default ResultSet query(String sql, Object... args) throws SQLException {
            return bind(prepare(sql), args).executeQuery();
        }

        /// Returns how many rows changed.
        default int update(String sql, Object... args) throws SQLException {
            return bind(prepare(sql), args).executeUpdate();
        }

        private static PreparedStatement bind(PreparedStatement statement, Object... args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }

        /// Serialises this write transaction with every other one that locks the same token, in any process,
        /// until it ends (for check-then-insert steps such as taking a lease).
        void lockToken(String fingerprint) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Session session) throws SQLException;
    }
}
