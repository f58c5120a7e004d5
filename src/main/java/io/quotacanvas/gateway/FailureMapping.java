package io.quotacanvas.gateway;

import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/// A request with no image → the error OpenAI clients act on, as guard clauses in order of what the client
/// can do about it. `retryAfter` gives the seconds to the next ready token (asked only for a 429). Pure.
///
/// | failures | status | code |
/// |---|---|---|
/// | cancelled while the gateway shuts down | 503 | `shutting_down` |
/// | any `content_rejected` | 400 | `content_policy_violation` |
/// | only `quota_exhausted` / `rate_limited` | 429 + `Retry-After` | `insufficient_quota` / `rate_limit_exceeded` |
/// | any `timeout` (the image's deadline) | 504 | `timeout` |
/// | `no_provider` | 503 | `no_provider` |
/// | `model_unavailable` | 503 | `model_unavailable` |
/// | `auth_failed`, `provider_error`, `bad_response`, `network_error`, `attempts_exhausted` | 502 | the class |
/// | `storage_error`, anything else | 500 | `storage_error` / `internal_error` |
final class FailureMapping {
    private static final Set<ErrorType> SPENT = Set.of(ErrorType.QUOTA_EXHAUSTED, ErrorType.RATE_LIMITED);
    private static final Set<ErrorType> UPSTREAM = Set.of(ErrorType.AUTH_FAILED, ErrorType.PROVIDER_ERROR,
            ErrorType.BAD_RESPONSE, ErrorType.NETWORK_ERROR, ErrorType.ATTEMPTS_EXHAUSTED);

    private FailureMapping() {
    }

    static ApiError of(List<ImageResult.Failed> failures, boolean shuttingDown, LongSupplier retryAfter,
                       String requestId) {
        ImageResult.Failed first = failures.getFirst();
        if (shuttingDown && has(failures, ErrorType.CANCELLED)) {
            return ApiError.unavailable("shutting_down", "The gateway is shutting down; try again shortly.", 5);
        }
        ImageResult.Failed rejected = find(failures, Set.of(ErrorType.CONTENT_REJECTED));
        if (rejected != null) {
            return ApiError.of(400, ApiError.INVALID_REQUEST, "content_policy_violation", "prompt", rejected.error());
        }
        if (failures.stream().allMatch(f -> SPENT.contains(f.errorType()))) {
            return spent(failures, retryAfter.getAsLong());
        }
        ImageResult.Failed timeout = find(failures, Set.of(ErrorType.TIMEOUT));
        if (timeout != null) {
            return ApiError.of(504, ApiError.SERVER_ERROR, "timeout", null, timeout.error())
                    .withHeaders(Map.of("x-should-retry", "false"));
        }
        ImageResult.Failed unavailable = find(failures, Set.of(ErrorType.NO_PROVIDER, ErrorType.MODEL_UNAVAILABLE));
        if (unavailable != null) {
            return ApiError.of(503, ApiError.SERVER_ERROR, unavailable.errorType().wireName(), null,
                    unavailable.error()).withHeaders(Map.of("x-should-retry", "false"));
        }
        ImageResult.Failed upstream = find(failures, UPSTREAM);
        if (upstream != null) {
            return ApiError.of(502, ApiError.SERVER_ERROR, upstream.errorType().wireName(), null, upstream.error());
        }
        if (first.errorType() == ErrorType.STORAGE_ERROR) {
            // the ledger or the library failed: its message names which and says what to do (no image may have
            // been made at all, when the ledger was down before any request)
            return ApiError.of(500, ApiError.SERVER_ERROR, "storage_error", null, first.error()
                    + " (request id " + requestId + ")");
        }
        return ApiError.internal(requestId);
    }

    /// 429: every token is spent or resting. The SDKs retry a 429 by themselves; past a minute that only
    /// spends their time, so they are told not to.
    private static ApiError spent(List<ImageResult.Failed> failures, long seconds) {
        boolean quota = has(failures, ErrorType.QUOTA_EXHAUSTED);
        String message = failures.getFirst().error() + " Retry after " + seconds + " s.";
        return ApiError.of(429, quota ? "insufficient_quota" : "requests",
                quota ? "insufficient_quota" : "rate_limit_exceeded", null, message)
                .withHeaders(Map.of("Retry-After", String.valueOf(seconds),
                        "x-should-retry", seconds <= 60 ? "true" : "false"));
    }

    private static boolean has(List<ImageResult.Failed> failures, ErrorType type) {
        return failures.stream().anyMatch(f -> f.errorType() == type);
    }

    private static ImageResult.Failed find(List<ImageResult.Failed> failures, Set<ErrorType> types) {
        return failures.stream().filter(f -> types.contains(f.errorType())).findFirst().orElse(null);
    }
}
