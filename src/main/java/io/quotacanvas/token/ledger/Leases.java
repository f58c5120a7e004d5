package io.quotacanvas.token.ledger;

import java.time.Instant;
import java.util.Objects;

/// The argument rules of [Ledger#tryLease], shared by both ledgers.
final class Leases {
    private Leases() {
    }

    static void check(int limit, String holder, Instant now, Instant expires) {
        Objects.requireNonNull(holder, "holder");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (!expires.isAfter(now)) {
            throw new IllegalArgumentException("a lease must expire after now (" + now + "), got " + expires);
        }
    }
}
