package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/// In-memory cache of each Space endpoint's [SpaceSchema] for a time-to-live, so a batch discovers a
/// Space once. Concurrent first calls to one Space wait for a single discovery instead of each fetching.
/// Failures are never cached.
///
/// Thread-safe.
final class SpaceSchemas {
    /// A schema and whether it was fetched for this very call (a fresh schema is not refetched).
    record Lookup(SpaceSchema schema, boolean fresh) {}

    private record Cached(SpaceSchema schema, Instant fetchedAt) {}

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    SpaceSchemas(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /// The cached schema for `key`, else the one `discover` fetches (waiting at most until `deadline` for a
    /// discovery another call has under way).
    Step<Lookup> get(String key, Instant deadline, Supplier<Step<SpaceSchema>> discover) {
        Cached hit = live(key);
        if (hit != null) {
            return Step.ok(new Lookup(hit.schema(), false));
        }
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        if (!acquire(lock, deadline)) {
            return Step.failed(new Outcome.Timeout("waited past the deadline for the Space's schema"));
        }
        try {
            Cached fetchedMeanwhile = live(key);
            if (fetchedMeanwhile != null) {
                return Step.ok(new Lookup(fetchedMeanwhile.schema(), false));
            }
            Step<SpaceSchema> fetched = discover.get();
            if (fetched instanceof Step.Ok<SpaceSchema> ok) {
                cache.put(key, new Cached(ok.value(), clock.instant()));
                return Step.ok(new Lookup(ok.value(), true));
            }
            return Step.failed(((Step.Failed<SpaceSchema>) fetched).failure());
        } finally {
            lock.unlock();
        }
    }

    /// Forgets `schema` for `key` (when a call says the endpoint vanished); a newer entry is kept.
    void invalidate(String key, SpaceSchema schema) {
        cache.computeIfPresent(key, (k, c) -> c.schema() == schema ? null : c);
    }

    private Cached live(String key) {
        Cached c = cache.get(key);
        return c != null && clock.instant().isBefore(c.fetchedAt().plus(ttl)) ? c : null;
    }

    private boolean acquire(ReentrantLock lock, Instant deadline) {
        long waitMs = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            return lock.tryLock(waitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
