package io.quotacanvas.pipeline;

import java.util.List;

/// Receives [EngineEvent]s as they happen, on the engine's worker threads.
///
/// Contract: be fast, never throw, never call back into the engine. A listener that throws anyway is
/// isolated: the exception is swallowed and the other listeners and the run go on.
@FunctionalInterface
public interface EngineListener {

    EngineListener NONE = event -> { };

    void onEvent(EngineEvent event);

    /// Fans out to several listeners, shielding each from the others' failures.
    static EngineListener all(List<EngineListener> listeners) {
        List<EngineListener> copy = List.copyOf(listeners);
        return event -> {
            for (EngineListener l : copy) {
                safely(l, event);
            }
        };
    }

    /// Delivers one event, swallowing whatever the listener throws.
    static void safely(EngineListener listener, EngineEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException | LinkageError ignored) {
            // contract: a broken listener must not break the run or the other listeners
        }
    }
}
