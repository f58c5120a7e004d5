package io.quotacanvas.core;

import java.util.Locale;
import java.util.Optional;

/// How one attempt record ended: a success, a candidate skipped, an attempt cancelled by us (the image's own
/// deadline, a person, a faster hedge), or the provider's failure class.
public enum AttemptOutcome {
    SUCCESS,
    SKIPPED,
    CANCELLED,
    QUOTA_EXHAUSTED,
    RATE_LIMITED,
    AUTH_FAILED,
    MODEL_UNAVAILABLE,
    CONTENT_REJECTED,
    PROVIDER_ERROR,
    BAD_RESPONSE,
    NETWORK_ERROR,
    TIMEOUT;

    /// The name in the JSON contract (`quota_exhausted`).
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AttemptOutcome of(FailureClass failure) {
        return valueOf(failure.name());
    }

    public static Optional<AttemptOutcome> fromWireName(String name) {
        for (AttemptOutcome o : values()) {
            if (o.wireName().equals(name)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
