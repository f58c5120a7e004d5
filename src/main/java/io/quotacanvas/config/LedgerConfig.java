package io.quotacanvas.config;

import java.time.Duration;

/// `ledger:` — where the ledger (token states, usage, quota figures, model marks, the prompt cache and the
/// requests in flight) lives.
///
/// - `url` null: the SQLite file in the state folder, for this machine alone.
/// - otherwise a PostgreSQL database shared by every install that names it: `jdbcUrl` (no credentials),
///   `user` (null: the driver's default), `password` (null: none), and `display`, the URL as people see it
///   (never with the password).
/// - `connectTimeout`: how long a database that doesn't answer may take before it is a `storage_error`.
public record LedgerConfig(String jdbcUrl, String user, String password, String display, Duration connectTimeout) {

    /// The default: the local SQLite file.
    public static final LedgerConfig LOCAL = new LedgerConfig(null, null, null, null, Duration.ofSeconds(3));

    /// True when the ledger is a shared PostgreSQL database.
    public boolean shared() {
        return jdbcUrl != null;
    }

    @Override
    public String toString() {
        return shared() ? "LedgerConfig[" + display + "]" : "LedgerConfig[local]"; // never the password
    }
}
