package io.quotacanvas.cli;

import io.quotacanvas.contract.EventLines;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import java.io.PrintWriter;
import java.time.ZoneId;

/// Prints engine events as one line each on stderr, for people watching a run (the wording is
/// [EventLines]'s). Thread-safe (events come from the batch's worker threads); never throws.
final class ProgressPrinter implements EngineListener {
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
        String line = shown(event) ? EventLines.line(event, zone) : null;
        if (line != null) {
            synchronized (err) {
                err.println(prefix(event.imageIndex()) + line);
                err.flush();
            }
        }
    }

    /// A single image needs no batch start or summary; a failed image is left to the final report, which
    /// prints every failure once.
    private boolean shown(EngineEvent event) {
        return switch (event) {
            case EngineEvent.BatchStarted b -> count > 1;
            case EngineEvent.BatchFinished b -> count > 1;
            case EngineEvent.ImageFinished f -> !(f.result() instanceof ImageResult.Failed);
            default -> true;
        };
    }

    private String prefix(int index) {
        return count > 1 && index >= 0 ? "[" + (index + 1) + "/" + count + "] " : "";
    }
}
