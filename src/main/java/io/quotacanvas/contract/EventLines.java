package io.quotacanvas.contract;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/// Engine events as one line each for people watching a run: the CLI's progress on stderr and the MCP
/// server's progress notifications read the same. A front end adds its own framing (the `[2/4] ` image
/// prefix) and picks which lines it shows. Stateless and thread-safe; token labels arrive masked.
public final class EventLines {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private EventLines() {
    }

    /// The line for `event`, with instants shown in `zone`; null for events not worth a line (an image
    /// starting). `Generating 2 images…`, `trying gitee/z-image-turbo with gitee#1 …a1b2`,
    /// `quota_exhausted HTTP 429 from gitee/z-image-turbo after 312 ms: …`, `saved /path/x.png (…)`.
    public static String line(EngineEvent event, ZoneId zone) {
        return switch (event) {
            case EngineEvent.BatchStarted b -> "Generating " + b.count() + (b.count() == 1 ? " image…" : " images…");
            case EngineEvent.ImageStarted s -> null;
            case EngineEvent.AttemptStarted a -> "trying " + ProviderId.nameOf(a.provider()) + "/" + a.model()
                    + (a.tokenLabel() == null ? "" : " with " + a.tokenLabel())
                    + (a.step().isPromptWork() ? " (" + a.step().wireName() + " prompt)" : "");
            case EngineEvent.AttemptFinished f -> finished(f.attempt());
            case EngineEvent.CandidateSkipped s -> skipped(s.skip(), zone);
            case EngineEvent.TokenCooled c -> c.tokenLabel() + " cooling" + until(c.until(), zone) + " ("
                    + c.reason().wireName() + ")";
            case EngineEvent.TokenInvalidated i -> i.tokenLabel() + " marked invalid" + detail(i.message());
            case EngineEvent.ProviderMarkedDown d -> ProviderId.nameOf(d.provider()) + " marked down"
                    + until(d.until(), zone) + " (" + d.reason() + ")";
            case EngineEvent.ImageFinished f -> switch (f.result()) {
                case ImageResult.Generated g -> "saved " + g.savedPath() + " (" + g.width() + "x" + g.height()
                        + ", seed " + g.settings().seed() + ")";
                case ImageResult.Failed x -> "failed: " + x.errorType().wireName() + detail(x.error());
            };
            case EngineEvent.BatchFinished b -> "Done: " + b.result().generatedCount() + " of "
                    + b.result().images().size() + " images in " + seconds(b.result().elapsedMs());
        };
    }

    private static String finished(AttemptRecord a) {
        String status = a.httpStatus() == 0 ? "" : " HTTP " + a.httpStatus();
        String what = ProviderId.nameOf(a.provider()) + "/" + a.model();
        if (a.succeeded()) {
            return "ok " + what + status + " in " + seconds(a.elapsedMs());
        }
        return a.outcome().wireName() + status + " from " + what + " after " + seconds(a.elapsedMs())
                + detail(a.message());
    }

    private static String skipped(AttemptRecord s, ZoneId zone) {
        return "skipped " + ProviderId.nameOf(s.provider()) + "/" + s.model()
                + (s.tokenLabel() == null ? "" : " " + s.tokenLabel()) + detail(s.message())
                + until(s.coolingUntil(), zone);
    }

    /// `: message`, or nothing when there is none to show (never "null").
    private static String detail(String message) {
        return message == null || message.isBlank() ? "" : ": " + message;
    }

    private static String until(Instant instant, ZoneId zone) {
        return instant == null ? "" : " until " + WHEN.format(instant.atZone(zone));
    }

    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
