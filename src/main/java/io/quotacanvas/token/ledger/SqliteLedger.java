package io.quotacanvas.token.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/// The [Ledger] in an SQLite file (`state/ledger.db`), shared by the studio and any number of CLI runs on
/// one machine: nothing to install or run.
///
/// The file is in WAL mode with a busy timeout of 10 s, and every write is one short `BEGIN IMMEDIATE`
/// transaction, so several processes can use it at once and each sees the others' committed writes on its
/// next call. Within a process one instance may be shared by any number of threads: calls are serialised
/// on one connection with prepared statements (each well under a millisecond).
public final class SqliteLedger extends SqlLedger {

    /// Opens (or creates, with its folders) the ledger at `dbFile`; "today" is in the system zone.
    ///
    /// @throws LedgerException if the file is not a usable ledger (the message says what to do)
    public SqliteLedger(Path dbFile) {
        this(dbFile, ZoneId.systemDefault());
    }

    /// As [#SqliteLedger(Path)], counting images per day in `zone`.
    public SqliteLedger(Path dbFile, ZoneId zone) {
        this(dbFile, zone, LedgerSchema.BUSY_TIMEOUT);
    }

    /// For tests: a shorter wait for other processes' locks.
    SqliteLedger(Path dbFile, ZoneId zone, Duration busyTimeout) {
        super(new LedgerConnection(Objects.requireNonNull(dbFile, "dbFile"), busyTimeout), zone, LeaseClock.LOCAL);
    }
}
