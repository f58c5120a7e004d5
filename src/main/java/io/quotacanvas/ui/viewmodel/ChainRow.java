package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;

/// One row of the fallback chain: an attempt in flight or finished, or a skipped candidate. Immutable.
///
/// `outcome` is `running`, `success`, `skipped` or a failure class wire name; `tokenLabel` is masked or
/// null; `httpStatus` is 0 when none applies; `coolingUntil` is null unless the attempt cooled something.
public record ChainRow(String step, ProviderId provider, String model, String tokenLabel, String outcome,
                       int httpStatus, String message, long elapsedMs, Instant coolingUntil) {

    public static final String RUNNING = "running";

    public enum Kind { RUNNING, SUCCESS, SKIPPED, FAILURE }

    public static ChainRow running(String step, ProviderId provider, String model, String tokenLabel) {
        return new ChainRow(step, provider, model, tokenLabel, RUNNING, 0, null, 0, null);
    }

    public static ChainRow of(AttemptRecord a) {
        return new ChainRow(a.step().wireName(), a.provider(), a.model(), a.tokenLabel(), a.outcome().wireName(),
                a.httpStatus(),
                a.message(), a.elapsedMs(), a.coolingUntil());
    }

    public Kind kind() {
        return switch (outcome) {
            case RUNNING -> Kind.RUNNING;
            case "success" -> Kind.SUCCESS;
            case "skipped" -> Kind.SKIPPED;
            default -> Kind.FAILURE;
        };
    }

    /// Whether this finished record closes the running row `other` (same step, provider, model and token).
    boolean finishes(ChainRow other) {
        return other.kind() == Kind.RUNNING && java.util.Objects.equals(step, other.step)
                && provider == other.provider && java.util.Objects.equals(model, other.model)
                && java.util.Objects.equals(tokenLabel, other.tokenLabel);
    }
}
