package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/// Builds the failure results of an image, each with an `error_type` and a message a person can act on.
final class Failures {
    private Failures() {
    }

    /// Every route was walked without an image.
    static ImageResult exhausted(JobState job, ImageRequest request, Outcome.Failure last, long elapsedMs) {
        List<AttemptRecord> chain = job.attempts();
        if (last != null) {
            AttemptRecord lastRecord = chain.reversed().stream().filter(a -> !a.skipped())
                    .findFirst().orElse(null);
            String where = lastRecord == null ? "" : " Last: " + lastRecord.chainEntry() + ".";
            return failed(job, request, ErrorType.of(last.failureClass()),
                    "Every provider and token was tried without an image." + where + " " + last.message(), elapsedMs);
        }
        Instant nextReady = chain.stream().map(AttemptRecord::coolingUntil).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (nextReady != null) {
            return failed(job, request, ErrorType.QUOTA_EXHAUSTED, "Every usable token is cooling or invalid; the first is "
                    + "ready again at " + nextReady + ". Add tokens or try again then.", elapsedMs);
        }
        String reasons = chain.stream().filter(AttemptRecord::skipped)
                .map(a -> a.provider().wireName() + ": " + a.message()).distinct().collect(Collectors.joining("; "));
        return failed(job, request, ErrorType.NO_PROVIDER, "No provider could take this request ("
                + (reasons.isEmpty() ? "none configured" : reasons) + "). Add a token, e.g. in "
                + "QUOTA_CANVAS_GITEE_TOKENS, or enable a provider in the config.", elapsedMs);
    }

    static ImageResult cancelled(JobState job, ImageRequest request, String reason, long elapsedMs) {
        return failed(job, request, ErrorType.CANCELLED, "Cancelled" + (reason == null ? "." : ": " + reason), elapsedMs);
    }

    static ImageResult timedOut(JobState job, ImageRequest request, long elapsedMs) {
        return failed(job, request, ErrorType.TIMEOUT, "Gave up after the time limit of " + request.timeout().toSeconds()
                + " s for one image (--timeout).", elapsedMs);
    }

    static ImageResult capped(JobState job, ImageRequest request, Outcome.Failure last, long elapsedMs) {
        String lastText = last == null ? "" : " Last failure: " + last.failureClass().wireName() + ": "
                + last.message();
        return failed(job, request, ErrorType.ATTEMPTS_EXHAUSTED, "Stopped after the maximum number of attempts for one "
                + "image (routing.max_attempts_per_image)." + lastText, elapsedMs);
    }

    static ImageResult rejected(JobState job, ImageRequest request, Outcome.ContentRejected why, long elapsedMs) {
        return failed(job, request, ErrorType.CONTENT_REJECTED, why.message() + " Not retried elsewhere, so no other "
                + "token is spent on it (routing.stop_on_content_rejected).", elapsedMs);
    }

    static ImageResult failed(JobState job, ImageRequest request, ErrorType type, String message, long elapsedMs) {
        return new ImageResult.Failed(job.index(), type, message, request.prompt(), job.attempts(), elapsedMs);
    }
}
