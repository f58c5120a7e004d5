package io.quotacanvas.cli;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/// Prints engine events as one line each on stderr, for people watching a run. Thread-safe (events come
/// from the batch's worker threads); never throws.
final class ProgressPrinter implements EngineListener {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private final PrintWriter err;
    private final int count;
    private final ZoneId zone;

    ProgressPrinter(PrintWriter err, int count, ZoneId zone) {
        this.err = err;
        this.count = count;
        this.zone = zone;
    }

    @Override
    public void onEvent(EngineEvent event) {
        String line = format(event);
        if (line != null) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }

    private String format(EngineEvent event) {
        String p = prefix(event.imageIndex());
        return switch (event) {
            case EngineEvent.BatchStarted b -> b.count() > 1 ? "Generating " + b.count() + " images…" : null;
            case EngineEvent.ImageStarted s -> null;
            case EngineEvent.AttemptStarted a -> p + "trying " + ProviderId.nameOf(a.provider()) + "/" + a.model()
                    + (a.tokenLabel() == null ? "" : " with " + a.tokenLabel())
                    + (a.step().isPromptWork() ? " (" + a.step().wireName() + " prompt)" : "");
            case EngineEvent.AttemptFinished f -> p + finished(f.attempt());
            case EngineEvent.CandidateSkipped s -> p + "skipped " + s.skip().provider() + "/" + s.skip().model()
                    + (s.skip().tokenLabel() == null ? "" : " " + s.skip().tokenLabel()) + ": " + s.skip().message()
                    + until(s.skip().coolingUntil());
            case EngineEvent.TokenCooled c -> p + c.tokenLabel() + " cooling" + until(c.until()) + " ("
                    + c.reason().wireName() + ")";
            case EngineEvent.TokenInvalidated i -> p + i.tokenLabel() + " marked invalid: " + i.message();
            case EngineEvent.ProviderMarkedDown d -> p + ProviderId.nameOf(d.provider()) + " marked down" + until(d.until()) + " ("
                    + d.reason() + ")";
            case EngineEvent.ImageFinished f -> finishedImage(p, f.result());
            case EngineEvent.BatchFinished b -> count > 1 ? "Done: " + b.result().generatedCount() + " of "
                    + b.result().images().size() + " images in " + seconds(b.result().elapsedMs()) : null;
        };
    }

    private String finished(AttemptRecord a) {
        String status = a.httpStatus() == 0 ? "" : " HTTP " + a.httpStatus();
        if (a.succeeded()) {
            return "ok " + ProviderId.nameOf(a.provider()) + "/" + a.model() + status + " in " + seconds(a.elapsedMs());
        }
        return a.outcome().wireName() + status + " from " + ProviderId.nameOf(a.provider()) + "/" + a.model() + " after " + seconds(a.elapsedMs())
                + ": " + a.message();
    }

    /// A saved image gets a line; a failure is left to the final report, which prints every failure once.
    private String finishedImage(String prefix, ImageResult r) {
        return switch (r) {
            case ImageResult.Generated g -> prefix + "saved " + g.savedPath() + " (" + g.width() + "x" + g.height()
                    + ", seed " + g.settings().seed() + ")";
            case ImageResult.Failed f -> null;
        };
    }

    private String until(Instant instant) {
        return instant == null ? "" : " until " + WHEN.format(instant.atZone(zone));
    }

    private String prefix(int index) {
        return count > 1 && index >= 0 ? "[" + (index + 1) + "/" + count + "] " : "";
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
