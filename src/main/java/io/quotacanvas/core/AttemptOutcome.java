package io.quotacanvas.core;

import java.util.Optional;

/// How one attempt record ended: a success, a candidate skipped, an attempt cancelled by us (the image's own
/// deadline, a person, a faster hedge), or the provider's failure class.
public enum AttemptOutcome implements WireName {
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

    public static AttemptOutcome of(FailureClass failure) {
        return valueOf(failure.name());
    }

    public static Optional<AttemptOutcome> fromWireName(String name) {
        return WireName.parse(AttemptOutcome.class, name);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
