package io.quotacanvas.pipeline;

import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// The engine's slots: at most `perToken` requests in flight per token — in this process and, through the
/// ledger's leases, in every process sharing the ledger (other CLI runs, the studio, gateways on other
/// machines) — and `maxParallel` in all. A lease expires by itself if this process dies; while it lives,
/// a heartbeat keeps its leases fresh. Confined to the dispatcher's thread.
final class SlotTable {
    /// How long a lease outlives its last heartbeat.
    static final Duration LEASE_TTL = Duration.ofSeconds(60);
    private static final Duration HEARTBEAT = LEASE_TTL.dividedBy(3);

    private final int perToken;
    private final int maxParallel;
    private final Ledger ledger;
    private final String holder;
    private final Map<String, Integer> perTokenInFlight = new HashMap<>();
    private final Set<Slot> held = Collections.newSetFromMap(new IdentityHashMap<>());
    /// Tokens another process held when asked in this pass: not asked again until the next (each ask is a
    /// write to the ledger, and every waiting job would ask).
    private final Set<String> refusedThisPass = new java.util.HashSet<>();
    private int inFlight;
    private Instant nextHeartbeat;
    private boolean refusedElsewhere;

    /// `ledger` null keeps the limit within this process only.
    SlotTable(int perToken, int maxParallel, Ledger ledger, String holder) {
        this.perToken = Math.max(1, perToken);
        this.maxParallel = Math.max(1, maxParallel);
        this.ledger = ledger;
        this.holder = holder;
    }

    /// A held slot; `token` is null for the keyless text endpoint, which only counts against the total.
    /// `lease` is the ledger's, when the token has one. Each take is its own slot (identity, not value:
    /// two keyless slots held at once are two).
    static final class Slot {
        private final Token token;
        private final String fingerprint;
        private final Ledger.Lease lease;

        private Slot(Token token, String fingerprint, Ledger.Lease lease) {
            this.token = token;
            this.fingerprint = fingerprint;
            this.lease = lease;
        }

        Token token() {
            return token;
        }

        String fingerprint() {
            return fingerprint;
        }

        Ledger.Lease lease() {
            return lease;
        }
    }

    /// Whether another request may start at all.
    boolean hasRoom() {
        return inFlight < maxParallel;
    }

    /// A slot of `token`, or null when it is busy here or, by the ledger's leases, elsewhere.
    Slot tryTake(Token token, String fingerprint, Instant now) {
        if (!hasRoom() || token != null && perTokenInFlight.getOrDefault(fingerprint, 0) >= perToken) {
            return null;
        }
        Ledger.Lease lease = null;
        // the anonymous pseudo-token stands for this machine's address, not a shared credential
        if (ledger != null && token != null && !token.isAnonymous()) {
            if (refusedThisPass.contains(fingerprint)) {
                return null;
            }
            Optional<Ledger.Lease> taken = ledger.tryLease(token, perToken, holder, now, now.plus(LEASE_TTL));
            if (taken.isEmpty()) {
                refusedThisPass.add(fingerprint);
                refusedElsewhere = true;
                return null;
            }
            lease = taken.get();
        }
        inFlight++;
        if (token != null) {
            perTokenInFlight.merge(fingerprint, 1, Integer::sum);
        }
        Slot slot = new Slot(token, fingerprint, lease);
        held.add(slot);
        return slot;
    }

    void release(Slot slot) {
        if (!held.remove(slot)) {
            return;
        }
        inFlight--;
        if (slot.token() != null) {
            perTokenInFlight.computeIfPresent(slot.fingerprint(), (k, n) -> n <= 1 ? null : n - 1);
        }
        if (slot.lease() != null) {
            ledger.release(slot.lease());
        }
    }

    /// Keeps this process's leases alive while it holds any.
    void heartbeat(Instant now) {
        if (ledger == null || held.stream().noneMatch(s -> s.lease() != null)) {
            nextHeartbeat = null;
            return;
        }
        if (nextHeartbeat == null) {
            nextHeartbeat = now.plus(HEARTBEAT);
        } else if (!now.isBefore(nextHeartbeat)) {
            ledger.renewLeases(holder, now, now.plus(LEASE_TTL));
            nextHeartbeat = now.plus(HEARTBEAT);
        }
    }

    /// Ends a dispatcher pass: whether a token was refused because another process held it (that frees up
    /// without an event here, so the dispatcher must look again after a while).
    boolean endPass() {
        boolean was = refusedElsewhere;
        refusedElsewhere = false;
        refusedThisPass.clear();
        return was;
    }

    /// Gives every slot back (the engine is closing).
    void releaseAll() {
        for (Slot s : java.util.List.copyOf(held)) {
            release(s);
        }
    }

    int inFlight() {
        return inFlight;
    }
}
