package io.quotacanvas.core;

/// Why an image, a command or a request ended without a result: the `error_type` of the JSON contract.
/// A provider's failure class when one decided it, else what stopped the work.
public enum ErrorType implements WireName {
    QUOTA_EXHAUSTED,
    RATE_LIMITED,
    AUTH_FAILED,
    MODEL_UNAVAILABLE,
    CONTENT_REJECTED,
    PROVIDER_ERROR,
    BAD_RESPONSE,
    NETWORK_ERROR,
    /// The image's own time limit ran out.
    TIMEOUT,
    /// No provider in the plan could take the request (none configured, all disabled or tokenless).
    NO_PROVIDER,
    /// The image hit `routing.max_attempts_per_image`.
    ATTEMPTS_EXHAUSTED,
    CANCELLED,
    STORAGE_ERROR,
    USAGE_ERROR,
    CONFIG_ERROR,
    VAULT_ERROR,
    /// `tokens remove` was asked to remove a token from the config or the environment.
    READ_ONLY_TOKEN,
    /// A token command had nothing to act on.
    NOTHING_TO_DO,
    INTERNAL_ERROR;

    public static ErrorType of(FailureClass failure) {
        return valueOf(failure.name());
    }

    @Override
    public String toString() {
        return wireName();
    }
}
