package io.quotacanvas.core;

import java.time.Instant;

/// One row of an image's fallback chain: an attempt that ran, or a candidate that was skipped.
///
/// `provider` is null only for the keyless public text endpoint (prompt work; see [ProviderId#nameOf]).
/// `step` says what was attempted; `tokenLabel` is masked (`gitee#2 …a1b2`) or null when no token was
/// involved; `coolingUntil` is when the token (or model) becomes usable again, if this attempt cooled it.
public record AttemptRecord(AttemptStep step, ProviderId provider, String model, String tokenLabel,
                            AttemptOutcome outcome, int httpStatus, String message, long elapsedMs,
                            Instant coolingUntil) {

    public boolean succeeded() {
        return outcome == AttemptOutcome.SUCCESS;
    }

    public boolean skipped() {
        return outcome == AttemptOutcome.SKIPPED;
    }

    /// The short form used in `fallback_chain`: `gitee/z-image-turbo (gitee#1 …a1b2): quota_exhausted`.
    public String chainEntry() {
        StringBuilder sb = new StringBuilder();
        if (step.isPromptWork()) {
            sb.append(step.wireName()).append(' ');
        }
        sb.append(ProviderId.nameOf(provider)).append('/').append(model);
        if (tokenLabel != null) {
            sb.append(" (").append(tokenLabel).append(')');
        }
        sb.append(": ").append(outcome.wireName());
        if (skipped() && message != null) {
            sb.append(" (").append(message).append(')');
        }
        return sb.toString();
    }
}
