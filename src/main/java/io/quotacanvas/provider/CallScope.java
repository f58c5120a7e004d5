package io.quotacanvas.provider;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Call;

/// Tracks the live HTTP calls of one attempt (or one image, or one batch) so that cancelling reaches
/// them at once. Scopes nest: cancelling a scope cancels its children.
///
/// Thread-safe. A call or child registered after [#cancel] is cancelled immediately.
public final class CallScope {
    private final Set<Call> live = ConcurrentHashMap.newKeySet();
    private final Set<CallScope> children = ConcurrentHashMap.newKeySet();
    private final List<Runnable> cancelHooks = new CopyOnWriteArrayList<>();
    private volatile String cancelReason;

    /// Registers a call before it is executed; returns it for chaining. Pair with [#untrack].
    public Call track(Call call) {
        live.add(call);
        if (cancelReason != null) {
            call.cancel();
        }
        return call;
    }

    public void untrack(Call call) {
        live.remove(call);
    }

    /// A child scope, cancelled whenever this one is. Release it with [#release] when done.
    public CallScope child() {
        CallScope child = new CallScope();
        children.add(child);
        if (cancelReason != null) {
            child.cancel(cancelReason);
        }
        return child;
    }

    public void release(CallScope child) {
        children.remove(child);
    }

    /// Cancels every live call, child and anything registered later; `reason` is shown to people.
    public void cancel(String reason) {
        cancelReason = reason == null ? "cancelled" : reason;
        live.forEach(Call::cancel);
        children.forEach(c -> c.cancel(cancelReason));
        cancelHooks.forEach(Runnable::run);
    }

    /// Runs `hook` when this scope is cancelled (at once if it already is), e.g. to wake a scheduler. Hooks
    /// must be fast and must not throw.
    public void onCancel(Runnable hook) {
        cancelHooks.add(hook);
        if (cancelReason != null) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelReason != null;
    }

    /// Why the scope was cancelled, or null.
    public String cancelReason() {
        return cancelReason;
    }
}
