package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/// Why a job ended without an answer: an `error_type` and a message a person can act on.
final class Failures {
    private Failures() {
    }

    record Verdict(ErrorType type, String message) {}

    /// Every lane was walked without an answer.
    static Verdict exhausted(List<AttemptRecord> chain, Outcome.Failure last) {
        if (last != null) {
            AttemptRecord lastRecord = chain.reversed().stream().filter(a -> !a.skipped()).findFirst().orElse(null);
            String where = lastRecord == null ? "" : " Last: " + lastRecord.chainEntry() + ".";
            return new Verdict(ErrorType.of(last.failureClass()),
                    "Every provider and token was tried without an image." + where + " " + last.message());
        }
        // the image's own tokens: a text model resting says nothing of when an image can be made, and neither
        // does a provider resting after failures (a skip without a token): that is no quota to wait for
        Instant nextReady = chain.stream().filter(a -> !a.step().isPromptWork() && a.tokenLabel() != null)
                .map(AttemptRecord::coolingUntil).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        if (nextReady != null) {
            return new Verdict(ErrorType.QUOTA_EXHAUSTED, "Every usable token is cooling or invalid; the first is "
                    + "ready again at " + nextReady + ". Add tokens or try again then.");
        }
        String reasons = chain.stream().filter(AttemptRecord::skipped)
                .map(a -> ProviderId.nameOf(a.provider()) + ": " + a.message()
                        + (a.tokenLabel() == null && a.coolingUntil() != null ? " until " + a.coolingUntil() : ""))
                .distinct().collect(Collectors.joining("; "));
        return new Verdict(ErrorType.NO_PROVIDER, "No provider could take this request ("
                + (reasons.isEmpty() ? "none configured" : reasons) + "). Add a token with 'quota-canvas tokens add"
                + " --provider NAME' (or QUOTA_CANVAS_<PROVIDER>_TOKENS), enable a provider in the config, or try"
                + " again when a resting provider is back.");
    }

    static String cancelledMessage(String reason) {
        return "Cancelled" + (reason == null ? "." : ": " + reason);
    }

    static String timedOutMessage(Job job) {
        return "Gave up after the time limit of " + job.timeout.toSeconds() + " s for one "
                + (job instanceof ImageWork ? "image (--timeout)." : "prompt step.");
    }

    static String cappedMessage(Outcome.Failure last) {
        String lastText = last == null ? "" : " Last failure: " + last.failureClass().wireName() + ": "
                + last.message();
        return "Stopped after the maximum number of attempts for one image (routing.max_attempts_per_image)."
                + lastText;
    }

    static String rejectedMessage(Outcome.Failure why) {
        return why.message() + " Not retried elsewhere, so no other token is spent on it "
                + "(routing.stop_on_content_rejected).";
    }
}
