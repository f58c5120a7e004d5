package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.quotacanvas.contract.EventLines;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/// Turns engine events into MCP progress notifications for a call that sent a progress token, one line
/// per decision a person would want to see, worded as the CLI's progress ([EventLines]:
/// "quota_exhausted HTTP 429 from gitee/z-image-turbo after 312 ms: …", then "trying a4f/z-image-turbo with
/// a4f#1 …c3d4").
/// Progress counts the images finished, plus a fraction per event so it always grows; total is the batch
/// size. Listener contract: fast, never throws (a client that went away only loses notifications);
/// synchronized, so notifications leave in the order their values grow.
final class ProgressEvents implements EngineListener {
    private final Consumer<McpSchema.ProgressNotification> sink;
    private final Object token;
    private final int count;
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();

    ProgressEvents(Consumer<McpSchema.ProgressNotification> sink, Object token, int count) {
        this.sink = sink;
        this.token = token;
        this.count = count;
    }

    /// A listener for the call, or [EngineListener#NONE] when the client asked for no progress.
    static EngineListener forCall(McpSyncServerExchange exchange, Object token, int count) {
        return token == null ? EngineListener.NONE : new ProgressEvents(exchange::progressNotification, token, count);
    }

    @Override
    public synchronized void onEvent(EngineEvent event) {
        String text = text(event, count);
        if (text == null) {
            return;
        }
        int done = event instanceof EngineEvent.ImageFinished ? finished.incrementAndGet() : finished.get();
        // within an image each event moves the bar a little, never up to the next whole image; the last image's
        // end is exactly the total
        double within = 0.9 * (1 - Math.pow(0.8, events.incrementAndGet()));
        double progress = done >= count ? count : done + within;
        try {
            sink.accept(new McpSchema.ProgressNotification(token, progress, (double) count, text));
        } catch (RuntimeException ignored) {
            // the client is gone or slow; the work goes on and the result still reports everything
        }
    }

    /// The person's line for `event` with its `[2/4] ` image prefix, or null for events not worth a
    /// notification (the batch's end: the result follows at once).
    static String text(EngineEvent event, int count) {
        String line = event instanceof EngineEvent.BatchFinished ? null : EventLines.line(event, ZoneId.systemDefault());
        if (line == null) {
            return null;
        }
        return count > 1 && event.imageIndex() >= 0 ? "[" + (event.imageIndex() + 1) + "/" + count + "] " + line : line;
    }
}
