package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/// The PostgreSQL [LedgerDb]: each unit of work borrows a pooled connection; writes run in one transaction
/// (READ COMMITTED), and [Session#lockToken] takes a transaction-scoped advisory lock on the fingerprint's
/// hash, so check-then-insert steps on one token run one at a time across every process and machine.
final class PostgresLedgerDb implements LedgerDb {
    /// The first half of the token locks' two-part advisory key, so they never meet other applications' locks.
    private static final int TOKEN_LOCKS = 0x51430001;

    private final PostgresDatabase db;

    PostgresLedgerDb(PostgresDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T read(String action, Work<T> work) {
        try {
            return db.run(action, c -> inSession(c, work));
        } catch (StorageException e) {
            throw LedgerException.of(e);
        }
    }

    @Override
    public <T> T write(String action, Work<T> work) {
        try {
            return db.transaction(action, c -> inSession(c, work));
        } catch (StorageException e) {
            throw LedgerException.of(e);
        }
    }

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public void close() {
        db.close();
    }

    private static <T> T inSession(Connection c, Work<T> work) throws SQLException {
        try (PgSession session = new PgSession(c)) {
            return work.run(session);
        }
    }

    /// Statements prepared for one unit of work and closed with it (the driver caches the server-side plans
    /// per connection, so preparing again is cheap).
    private static final class PgSession implements Session, AutoCloseable {
        private final Connection connection;
        private final List<PreparedStatement> open = new ArrayList<>(4);

        PgSession(Connection connection) {
            this.connection = connection;
        }

        @Override
        public PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            open.add(statement);
            return statement;
        }

        @Override
        public void lockToken(String fingerprint) throws SQLException {
            try (ResultSet ignored = query("SELECT pg_advisory_xact_lock(?, hashtext(?))", TOKEN_LOCKS,
                    fingerprint)) {
                // held until the transaction ends
            }
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : open) {
                statement.close();
            }
        }
    }
}
