package io.quotacanvas.token.ledger;

import io.quotacanvas.token.ledger.LedgerDb.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/// The clock lease times are written and compared on. Callers pass instants from their own clock; on a
/// ledger shared by several machines those clocks disagree, and a machine running a minute ahead would
/// think every other machine's leases had run out and take their slots. So a shared ledger keeps lease
/// times on the database server's clock: it measures how far that clock is from this machine's (in whole
/// seconds, so a few milliseconds of round trip never move a lease) when it opens and at every heartbeat,
/// and shifts the caller's instants by that much. A ledger in a local file keeps them as they are.
sealed interface LeaseClock {
    /// Unshifted: the store is on this machine.
    LeaseClock LOCAL = new Local();

    /// `instant` in epoch milliseconds on the store's clock.
    long onStore(Instant instant);

    /// Measures the store's clock again, inside a unit of work.
    void sync(Session session) throws SQLException;

    record Local() implements LeaseClock {
        @Override
        public long onStore(Instant instant) {
            return instant.toEpochMilli();
        }

        @Override
        public void sync(Session session) {
            // one clock
        }
    }

    /// The database server's clock, read with `nowQuery` (one row, one column: epoch milliseconds).
    final class Server implements LeaseClock {
        private static final long STEP_MS = 1000;

        private final Clock local;
        private final String nowQuery;
        private volatile long skewMs;

        Server(Clock local, String nowQuery) {
            this.local = local;
            this.nowQuery = nowQuery;
        }

        @Override
        public long onStore(Instant instant) {
            return instant.toEpochMilli() + skewMs;
        }

        @Override
        public void sync(Session session) throws SQLException {
            long before = local.millis();
            long server;
            try (ResultSet rs = session.query(nowQuery)) {
                rs.next();
                server = rs.getLong(1);
            }
            long after = local.millis();
            skewMs = Math.round((server - (before + after) / 2.0) / STEP_MS) * STEP_MS;
        }

        /// How far the server's clock is ahead of this machine's, in whole seconds (negative when behind).
        long skewMs() {
            return skewMs;
        }
    }
}
