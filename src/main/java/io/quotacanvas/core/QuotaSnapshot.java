package io.quotacanvas.core;

/// What a provider said about a token's remaining quota on its last response (ModelScope's
/// `modelscope-ratelimit-*` headers): per account and per model, each value null when not sent.
public record QuotaSnapshot(Integer requestsRemaining, Integer requestsLimit, Integer modelRemaining,
                            Integer modelLimit) {

    /// True when the account's remaining requests have reached zero.
    public boolean accountSpent() {
        return requestsRemaining != null && requestsRemaining <= 0;
    }

    /// True when this model's remaining requests have reached zero.
    public boolean modelSpent() {
        return modelRemaining != null && modelRemaining <= 0;
    }

    public boolean isEmpty() {
        return requestsRemaining == null && requestsLimit == null && modelRemaining == null && modelLimit == null;
    }
}
