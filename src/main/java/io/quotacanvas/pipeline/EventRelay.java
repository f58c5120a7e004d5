package io.quotacanvas.pipeline;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Logger;

/// Hands one run's events to its listener on a thread of their own, in order, so a slow listener (an MCP
/// client reading progress slowly, a terminal that blocks) never stalls the dispatcher that every run of the
/// process shares. [#close] waits until every event was delivered.
final class EventRelay implements EngineListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
    /// How long `close` waits for a listener that doesn't keep up.
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final Object END = new Object();

    private final EngineListener target;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    EventRelay(EngineListener target) {
        this.target = target;
        this.thread = Thread.ofVirtual().name("quota-canvas-events").start(this::deliver);
    }

    @Override
    public void onEvent(EngineEvent event) {
        queue.add(event);
    }

    private void deliver() {
        try {
            for (Object next = queue.take(); next != END; next = queue.take()) {
                EngineListener.safely(target, (EngineEvent) next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        queue.add(END);
        try {
            if (!thread.join(DRAIN)) {
                LOG.warning("a run's listener did not take its last events within " + DRAIN.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
