package io.quotacanvas.pipeline;

import io.quotacanvas.core.Token;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/// Leases tokens to attempts so that no token has more than `perToken` requests in flight.
///
/// Thread-safe. Waiters re-check their give-up condition at least every 50 ms, and at once whenever a
/// lease is released or [#wakeAll()] is called (e.g. a provider was marked down).
final class TokenSlots {
    private static final long POLL_MILLIS = 50;

    private final int perToken;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Integer> inFlight = new HashMap<>();

    TokenSlots(int perToken, Clock clock) {
        this.perToken = Math.max(1, perToken);
        this.clock = clock;
    }

    /// A held token; give it back with [#release].
    record Lease(Token token) {}

    /// Leases the first free token of `preferred`, waiting while all are busy. Returns null when
    /// `giveUp` is or turns true (checked before every grant) or `deadline` passes first.
    Lease acquire(List<Token> preferred, Instant deadline, BooleanSupplier giveUp) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                // checked before taking a free token: a token freed by a failure on a provider that was just
                // marked down must not send the next waiter to the same dead host
                if (giveUp.getAsBoolean()) {
                    return null;
                }
                for (Token t : preferred) {
                    int used = inFlight.getOrDefault(t.fingerprint(), 0);
                    if (used < perToken) {
                        inFlight.put(t.fingerprint(), used + 1);
                        return new Lease(t);
                    }
                }
                if (!clock.instant().isBefore(deadline)) {
                    return null;
                }
                changed.await(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    void release(Lease lease) {
        lock.lock();
        try {
            inFlight.merge(lease.token().fingerprint(), -1, (a, b) -> a + b <= 0 ? null : a + b);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /// Wakes every waiter so it re-checks its give-up condition.
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
