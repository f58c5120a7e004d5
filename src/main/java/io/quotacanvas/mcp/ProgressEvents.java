package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/// Turns engine events into MCP progress notifications for a call that sent a progress token, one line
/// per decision a person would want to see ("gitee/z-image-turbo gitee#1 …a1b2: quota_exhausted (HTTP 429)",
/// then "trying a4f/z-image-turbo with a4f#1 …c3d4").
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
        String text = event instanceof EngineEvent.BatchFinished ? null : text(event, count);
        if (text == null) {
            return;
        }
        int done = event instanceof EngineEvent.ImageFinished ? finished.incrementAndGet() : finished.get();
        // within an image each event moves the bar a little, never up to the next whole image; the last image's
        // end is exactly the total (the batch's own end needs no notification: the result follows at once)
        double within = 0.9 * (1 - Math.pow(0.8, events.incrementAndGet()));
        double progress = done >= count ? count : done + within;
        try {
            sink.accept(new McpSchema.ProgressNotification(token, progress, (double) count, text));
        } catch (RuntimeException ignored) {
            // the client is gone or slow; the work goes on and the result still reports everything
        }
    }

    /// One line for people, or null for events not worth a notification.
    static String text(EngineEvent event, int count) {
        String p = count > 1 && event.imageIndex() >= 0 ? "[" + (event.imageIndex() + 1) + "/" + count + "] " : "";
        return switch (event) {
            case EngineEvent.BatchStarted b -> "generating " + b.count() + (b.count() == 1 ? " image" : " images");
            case EngineEvent.ImageStarted s -> null;
            case EngineEvent.AttemptStarted a -> p + "trying " + ProviderId.nameOf(a.provider()) + "/" + a.model()
                    + (a.tokenLabel() == null ? "" : " with " + a.tokenLabel())
                    + (a.step().isPromptWork() ? " (" + a.step().wireName() + " prompt)" : "");
            case EngineEvent.AttemptFinished f -> p + finished(f.attempt());
            case EngineEvent.CandidateSkipped s -> p + "skipped " + ProviderId.nameOf(s.skip().provider()) + "/"
                    + s.skip().model() + (s.skip().tokenLabel() == null ? "" : " " + s.skip().tokenLabel()) + ": "
                    + s.skip().message();
            case EngineEvent.TokenCooled c -> p + c.tokenLabel() + " cooling until " + c.until() + " ("
                    + c.reason().wireName() + ")";
            case EngineEvent.TokenInvalidated i -> p + i.tokenLabel() + " marked invalid: " + i.message();
            case EngineEvent.ProviderMarkedDown d -> p + ProviderId.nameOf(d.provider()) + " marked down until " + d.until()
                    + " (" + d.reason() + ")";
            case EngineEvent.ImageFinished f -> p + switch (f.result()) {
                case ImageResult.Generated g -> "saved " + g.savedPath().getFileName() + " (" + g.provider().wireName()
                        + "/" + g.model() + ", " + g.width() + "x" + g.height() + ")";
                case ImageResult.Failed x -> "failed: " + x.errorType().wireName() + ": " + x.error();
            };
            case EngineEvent.BatchFinished b -> "done: " + b.result().generatedCount() + " of "
                    + b.result().images().size() + " made";
        };
    }

    private static String finished(AttemptRecord a) {
        String who = ProviderId.nameOf(a.provider()) + "/" + a.model() + (a.tokenLabel() == null ? "" : " " + a.tokenLabel());
        String status = a.httpStatus() == 0 ? "" : " (HTTP " + a.httpStatus() + ")";
        return a.succeeded() ? "ok " + who + status + " in " + a.elapsedMs() + " ms"
                : who + ": " + a.outcome().wireName() + status + (a.message() == null
                || a.message().isBlank() ? "" : " — " + a.message());
    }
}
