package io.quotacanvas.pipeline;

import io.quotacanvas.core.Token;
import java.util.HashMap;
import java.util.Map;

/// The engine's slots: at most `perToken` requests in flight per token and `maxParallel` in all.
/// Confined to the dispatcher's thread.
final class SlotTable {
    private final int perToken;
    private final int maxParallel;
    private final Map<String, Integer> perTokenInFlight = new HashMap<>();
    private int inFlight;

    SlotTable(int perToken, int maxParallel) {
        this.perToken = Math.max(1, perToken);
        this.maxParallel = Math.max(1, maxParallel);
    }

    /// A held slot; `token` is null for the keyless text endpoint, which only counts against the total.
    record Slot(Token token, String fingerprint) {}

    /// Whether another request may start at all.
    boolean hasRoom() {
        return inFlight < maxParallel;
    }

    /// Whether `token` has a free slot (and the engine has room).
    boolean isFree(Token token, String fingerprint) {
        return hasRoom() && (token == null || perTokenInFlight.getOrDefault(fingerprint, 0) < perToken);
    }

    Slot take(Token token, String fingerprint) {
        inFlight++;
        if (token != null) {
            perTokenInFlight.merge(fingerprint, 1, Integer::sum);
        }
        return new Slot(token, fingerprint);
    }

    void release(Slot slot) {
        inFlight--;
        if (slot.token() != null) {
            perTokenInFlight.computeIfPresent(slot.fingerprint(), (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    int inFlight() {
        return inFlight;
    }
}
