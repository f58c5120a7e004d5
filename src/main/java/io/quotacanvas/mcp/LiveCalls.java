package io.quotacanvas.mcp;

import io.quotacanvas.provider.CallScope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/// The tool calls in progress, by JSON-RPC request id, each with the [CallScope] its provider calls run in,
/// so `notifications/cancelled` reaches the live HTTP calls as the studio's Cancel does.
///
/// A cancellation may arrive before the call has registered (the handler runs on another thread): it is
/// remembered, and the scope handed out for that id is cancelled from the start. Thread-safe.
final class LiveCalls {
    private final Map<Object, CallScope> live = new ConcurrentHashMap<>();
    private final Map<Object, String> early = new ConcurrentHashMap<>();

    /// A scope for request `id` (null when the transport gave none: then nothing can cancel it).
    CallScope open(Object id) {
        CallScope scope = new CallScope();
        if (id == null) {
            return scope;
        }
        live.put(key(id), scope);
        String reason = early.remove(key(id));
        if (reason != null) {
            scope.cancel(reason);
        }
        return scope;
    }

    void close(Object id) {
        if (id != null) {
            live.remove(key(id));
        }
    }

    /// Cancels request `id`'s work, now or as soon as it starts.
    void cancel(Object id, String reason) {
        CallScope scope = live.get(key(id));
        if (scope != null) {
            scope.cancel(reason);
        } else if (early.size() < 1_000) {
            early.put(key(id), reason);
        }
    }

    /// Cancels everything still running (the client went away).
    void cancelAll(String reason) {
        live.values().forEach(s -> s.cancel(reason));
    }

    /// Waits until no call is registered any more, at most `millis`; true when idle.
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (!live.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return live.isEmpty();
    }

    /// Ids may arrive as numbers of different widths (1 vs 1L) or strings; compare them by text.
    private static String key(Object id) {
        return String.valueOf(id);
    }
}
