package io.quotacanvas.pipeline;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.CallScope;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/// A circuit breaker per provider: a provider that keeps failing (network, timeout, 5xx after a retry)
/// is skipped until an instant, and the calls still in flight to it are cancelled at once, so a dead host
/// costs a batch one timeout rather than one per image. Thread-safe; in memory (per engine).
final class ProviderHealth {
    private final Map<ProviderId, Instant> downUntil = new ConcurrentHashMap<>();
    private final Map<ProviderId, Set<CallScope>> inFlight = new ConcurrentHashMap<>();

    Optional<Instant> downUntil(ProviderId provider, Instant now) {
        Instant until = downUntil.get(provider);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    boolean isDown(ProviderId provider, Instant now) {
        return downUntil(provider, now).isPresent();
    }

    /// Opens a scope for one call to `provider`; it is cancelled if the provider is marked down meanwhile.
    CallScope enter(ProviderId provider, CallScope parent) {
        CallScope scope = parent.child();
        inFlight.computeIfAbsent(provider, p -> ConcurrentHashMap.newKeySet()).add(scope);
        return scope;
    }

    void exit(ProviderId provider, CallScope parent, CallScope scope) {
        Set<CallScope> scopes = inFlight.get(provider);
        if (scopes != null) {
            scopes.remove(scope);
        }
        parent.release(scope);
    }

    /// Marks the provider down until `until` and cancels its calls in flight. Returns false when it was
    /// already down (so only the first failure is reported).
    boolean markDown(ProviderId provider, Instant until, Instant now, String reason) {
        Instant previous = downUntil.get(provider);
        downUntil.put(provider, until);
        boolean fresh = previous == null || !previous.isAfter(now);
        if (fresh) {
            Set<CallScope> scopes = inFlight.getOrDefault(provider, Set.of());
            scopes.forEach(s -> s.cancel(provider.wireName() + " was marked down: " + reason));
        }
        return fresh;
    }

    void markUp(ProviderId provider) {
        downUntil.remove(provider);
    }
}
