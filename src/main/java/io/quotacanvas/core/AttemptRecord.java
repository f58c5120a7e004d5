package io.quotacanvas.core;

import java.time.Instant;

/// One row of an image's fallback chain: an attempt that ran, or a candidate that was skipped.
///
/// `outcome` is `success`, a [FailureClass] wire name, or `skipped`; `tokenLabel` is masked
/// (`gitee#2 …a1b2`) or null when no token was involved; `coolingUntil` is when the token (or model)
/// becomes usable again, if this attempt cooled it. `step` says what was attempted: `generate`,
/// `optimize` or `translate` (prompt work), or `skip`.
public record AttemptRecord(String step, ProviderId provider, String model, String tokenLabel, String outcome,
                            int httpStatus, String message, long elapsedMs, Instant coolingUntil) {

    public static final String SUCCESS = "success";
    public static final String SKIPPED = "skipped";

    public boolean succeeded() {
        return SUCCESS.equals(outcome);
    }

    /// The short form used in `fallback_chain`: `gitee/z-image-turbo (gitee#1 …a1b2): quota_exhausted`.
    public String chainEntry() {
        StringBuilder sb = new StringBuilder();
        if (!"generate".equals(step) && !"skip".equals(step)) {
            sb.append(step).append(' ');
        }
        sb.append(provider.wireName()).append('/').append(model);
        if (tokenLabel != null) {
            sb.append(" (").append(tokenLabel).append(')');
        }
        sb.append(": ").append(outcome);
        if (SKIPPED.equals(outcome) && message != null) {
            sb.append(" (").append(message).append(')');
        }
        return sb.toString();
    }
}
