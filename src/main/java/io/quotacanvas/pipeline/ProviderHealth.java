package io.quotacanvas.pipeline;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/// A circuit breaker per provider and kind of call: a provider whose requests keep failing (a timeout, a
/// hang, 5xx after the same-token retry) is skipped until an instant. In memory, per engine; confined to
/// the dispatcher's thread. The keyless text endpoint is tracked under a null provider.
final class ProviderHealth {
    private record Key(ProviderId provider, CallKind kind) {}

    private final Map<Key, Instant> downUntil = new HashMap<>();

    Optional<Instant> downUntil(ProviderId provider, CallKind kind, Instant now) {
        Instant until = downUntil.get(new Key(provider, kind));
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /// Marks the provider down until `until`. Returns false when it was down already (so only the first
    /// failure is announced).
    boolean markDown(ProviderId provider, CallKind kind, Instant until, Instant now) {
        Instant previous = downUntil.put(new Key(provider, kind), until);
        return previous == null || !previous.isAfter(now);
    }

    void markUp(ProviderId provider, CallKind kind) {
        downUntil.remove(new Key(provider, kind));
    }
}
