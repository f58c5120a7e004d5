package io.quotacanvas.core;

/// Every way an attempt can fail, as named in the JSON contract (`error_type`, attempt `outcome`).
public enum FailureClass implements WireName {
    QUOTA_EXHAUSTED,
    RATE_LIMITED,
    AUTH_FAILED,
    MODEL_UNAVAILABLE,
    CONTENT_REJECTED,
    PROVIDER_ERROR,
    BAD_RESPONSE,
    NETWORK_ERROR,
    TIMEOUT;

}
