package io.quotacanvas.core;

import java.time.Duration;
import java.time.Instant;

/// What one provider attempt came to: a success, or exactly one failure class.
///
/// Adapters return these from their pure classifiers; the pipeline switches over them exhaustively.
/// `httpStatus` is 0 when no HTTP status applies (network errors, timeouts). Messages are written for a
/// person and never contain a token.
public sealed interface Outcome {

    /// The image came back and decodes. `remoteUrl` is the provider's URL for it, or null when the
    /// provider sent the bytes inline. `quota` is what the provider said about the token's remaining
    /// quota, or null.
    record Success(ImageData image, String remoteUrl, int httpStatus, QuotaSnapshot quota) implements Outcome {
        public Success(ImageData image, String remoteUrl, int httpStatus) {
            this(image, remoteUrl, httpStatus, null);
        }

        public Success withQuota(QuotaSnapshot snapshot) {
            return new Success(image, remoteUrl, httpStatus, snapshot);
        }
    }

    /// Common shape of every failure.
    sealed interface Failure extends Outcome {
        FailureClass failureClass();

        int httpStatus();

        String message();
    }

    /// The token's quota is spent; `resetAt` is the provider's hint of when it comes back, or null
    /// when the provider gave none (the ledger then applies the provider's reset rule). `modelOnly` says
    /// only this token × model is spent (a per-model daily cap), not the whole token.
    record QuotaExhausted(int httpStatus, String message, Instant resetAt, boolean modelOnly) implements Failure {
        public QuotaExhausted(int httpStatus, String message, Instant resetAt) {
            this(httpStatus, message, resetAt, false);
        }

        public FailureClass failureClass() { return FailureClass.QUOTA_EXHAUSTED; }
    }

    /// Short-term rate limit; `retryAfter` is the provider's hint, or null.
    record RateLimited(int httpStatus, String message, Duration retryAfter) implements Failure {
        public FailureClass failureClass() { return FailureClass.RATE_LIMITED; }
    }

    /// The provider refused the token. `modelOnly` says it refused this token for this model only (a Gitee
    /// token without a resource package for the model, a model restricted on ModelScope): the token stays
    /// good for other models.
    record AuthFailed(int httpStatus, String message, boolean modelOnly) implements Failure {
        public AuthFailed(int httpStatus, String message) {
            this(httpStatus, message, false);
        }

        /// For a token that can't be sent at all ([Secret#sendable()] false): nothing goes out, and the token
        /// is treated as refused, so the next one is tried.
        public static AuthFailed unsendable() {
            return new AuthFailed(0, "the token holds a character an HTTP header can't carry (a space, a non-ASCII"
                    + " letter or a typographic quote from copying it); remove it and add it again");
        }

        public FailureClass failureClass() { return FailureClass.AUTH_FAILED; }
    }

    record ModelUnavailable(int httpStatus, String message) implements Failure {
        public FailureClass failureClass() { return FailureClass.MODEL_UNAVAILABLE; }
    }

    record ContentRejected(int httpStatus, String message) implements Failure {
        public FailureClass failureClass() { return FailureClass.CONTENT_REJECTED; }
    }

    record ProviderError(int httpStatus, String message) implements Failure {
        public FailureClass failureClass() { return FailureClass.PROVIDER_ERROR; }
    }

    record BadResponse(int httpStatus, String message) implements Failure {
        public FailureClass failureClass() { return FailureClass.BAD_RESPONSE; }
    }

    /// The call never got an answer. A call ended by cancelling its [io.quotacanvas.provider.CallScope]
    /// is a network error too, made with [#cancelled] and told apart with [#isCancellation].
    record NetworkError(String message, boolean isCancellation) implements Failure {

        /// A network failure (not a cancellation).
        public NetworkError(String message) {
            this(message, false);
        }

        /// The call was cancelled rather than failed: not to be retried or blamed on the provider.
        public static NetworkError cancelled(String reason) {
            return new NetworkError("cancelled: " + (reason == null ? "cancelled" : reason), true);
        }

        public FailureClass failureClass() { return FailureClass.NETWORK_ERROR; }

        public int httpStatus() { return 0; }
    }

    record Timeout(String message) implements Failure {
        public FailureClass failureClass() { return FailureClass.TIMEOUT; }

        public int httpStatus() { return 0; }
    }
}
