package io.quotacanvas.storage;

import java.time.Duration;
import java.util.Objects;

/// Where a PostgreSQL database is and how to log in: `jdbcUrl` holds no credentials; `display` is the URL
/// people see (never with the password); `password` may be null (trust or `.pgpass`-less setups).
/// `connectTimeout` bounds how long "is it there?" may take, so a database that is down is known fast.
public record PostgresTarget(String jdbcUrl, String user, String password, String display, Duration connectTimeout) {
    public PostgresTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    @Override
    public String toString() {
        return display; // never the password, even in a debugger or a log line
    }
}
