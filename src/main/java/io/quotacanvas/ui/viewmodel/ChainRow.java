package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.Objects;

/// One row of the fallback chain: an attempt in flight or finished, or a skipped candidate. Immutable.
///
/// `outcome` is null while the attempt is running (a state only the studio shows), else how it ended;
/// `tokenLabel` is masked or null; `httpStatus` is 0 when none applies; `coolingUntil` is null unless the
/// attempt cooled something.
public record ChainRow(String step, ProviderId provider, String model, String tokenLabel, AttemptOutcome outcome,
                       int httpStatus, String message, long elapsedMs, Instant coolingUntil) {

    /// [#outcomeName] of a row still running.
    public static final String RUNNING = "running";

    public enum Kind { RUNNING, SUCCESS, SKIPPED, FAILURE }

    public static ChainRow running(String step, ProviderId provider, String model, String tokenLabel) {
        return new ChainRow(step, provider, model, tokenLabel, null, 0, null, 0, null);
    }

    public static ChainRow of(AttemptRecord a) {
        return new ChainRow(a.step().wireName(), a.provider(), a.model(), a.tokenLabel(), a.outcome(), a.httpStatus(),
                a.message(), a.elapsedMs(), a.coolingUntil());
    }

    /// This row, still running, as cancelled by us (the run was cancelled before the attempt answered).
    public ChainRow cancelled() {
        return new ChainRow(step, provider, model, tokenLabel, AttemptOutcome.CANCELLED, 0, null, 0, null);
    }

    public Kind kind() {
        if (outcome == null) {
            return Kind.RUNNING;
        }
        return switch (outcome) {
            case SUCCESS -> Kind.SUCCESS;
            case SKIPPED -> Kind.SKIPPED;
            default -> Kind.FAILURE;
        };
    }

    /// The outcome's wire name (`quota_exhausted`), or [#RUNNING]: the key of its label and its icon.
    public String outcomeName() {
        return outcome == null ? RUNNING : outcome.wireName();
    }

    /// Whether this finished record closes the running row `other` (same step, provider, model and token).
    boolean finishes(ChainRow other) {
        return other.kind() == Kind.RUNNING && Objects.equals(step, other.step) && provider == other.provider
                && Objects.equals(model, other.model) && Objects.equals(tokenLabel, other.tokenLabel);
    }
}
