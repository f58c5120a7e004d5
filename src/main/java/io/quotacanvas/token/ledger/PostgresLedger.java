package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.StorageException;
import java.time.Clock;
import java.time.ZoneId;

/// The [Ledger] in a PostgreSQL database (`ledger.url: postgresql://…`), shared by any number of installs,
/// studios and gateways on any number of machines: one truth about which token is spent until when, and
/// one count of each token's requests in flight.
///
/// Tables are created or migrated on first use (idempotent, under an advisory lock, safe when several
/// processes start at once). Lease times are kept on the server's clock ([LeaseClock.Server]), so machines
/// whose clocks disagree still agree on when a crashed process's slots are free again. Thread-safe; the
/// [PostgresDatabase] may be shared with the prompt cache and is closed with the ledger.
public final class PostgresLedger extends SqlLedger {
    private static final String SERVER_NOW = "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint";

    /// Uses `db` (which this ledger then owns), setting up or migrating its tables; "today" is in `zone`.
    ///
    /// @throws LedgerException if the tables can't be set up (the message names the URL, never the password)
    public PostgresLedger(PostgresDatabase db, ZoneId zone) {
        this(db, zone, Clock.systemUTC());
    }

    /// As [#PostgresLedger(PostgresDatabase, ZoneId)], for callers whose instants come from `local`.
    public PostgresLedger(PostgresDatabase db, ZoneId zone, Clock local) {
        super(new PostgresLedgerDb(migrated(db)), zone, new LeaseClock.Server(local, SERVER_NOW));
        syncLeaseClock();
    }

    private static PostgresDatabase migrated(PostgresDatabase db) {
        try {
            db.migrate(PostgresSchema.COMPONENT, PostgresSchema.STEPS);
            return db;
        } catch (StorageException e) {
            throw LedgerException.of(e);
        }
    }
}
