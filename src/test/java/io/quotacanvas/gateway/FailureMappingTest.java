package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// A request with no image → the status and code OpenAI clients act on.
class FailureMappingTest {

    private static List<ImageResult.Failed> failed(ErrorType... types) {
        return Arrays.stream(types).map(t -> new ImageResult.Failed(0, t, t.wireName() + " happened", "fox",
                List.of(), 1)).toList();
    }

    private static ApiError map(boolean shuttingDown, ErrorType... types) {
        return FailureMapping.of(failed(types), shuttingDown, () -> 3600, "req_1");
    }

    @Test
    void spentTokensAreA429WithRetryAfterAndNoSdkRetryWhenItIsFarAway() {
        ApiError e = map(false, ErrorType.QUOTA_EXHAUSTED, ErrorType.RATE_LIMITED);

        assertEquals(429, e.status());
        assertEquals("insufficient_quota", e.code());
        assertEquals("3600", e.headers().get("Retry-After"));
        assertEquals("false", e.headers().get("x-should-retry"));
    }

    @Test
    void aShortRestLetsTheSdkRetry() {
        ApiError e = FailureMapping.of(failed(ErrorType.RATE_LIMITED), false, () -> 30, "req_1");

        assertEquals("rate_limit_exceeded", e.code());
        assertEquals(Map.of("Retry-After", "30", "x-should-retry", "true"), e.headers());
    }

    @Test
    void eachClassHasItsStatus() {
        assertEquals(400, map(false, ErrorType.QUOTA_EXHAUSTED, ErrorType.CONTENT_REJECTED).status());
        assertEquals(504, map(false, ErrorType.TIMEOUT, ErrorType.QUOTA_EXHAUSTED).status());
        assertEquals(503, map(false, ErrorType.NO_PROVIDER).status());
        assertEquals(503, map(false, ErrorType.MODEL_UNAVAILABLE).status());
        assertEquals(502, map(false, ErrorType.AUTH_FAILED).status());
        assertEquals(502, map(false, ErrorType.NETWORK_ERROR).status());
        assertEquals(502, map(false, ErrorType.ATTEMPTS_EXHAUSTED).status());
        assertEquals(500, map(false, ErrorType.STORAGE_ERROR).status());
        assertEquals(500, map(false, ErrorType.INTERNAL_ERROR).status());
        assertEquals(503, map(true, ErrorType.CANCELLED).status());
        assertEquals("shutting_down", map(true, ErrorType.CANCELLED).code());
    }

    @Test
    void anInternalErrorSaysNothingOfItsCause() {
        List<ImageResult.Failed> bug = List.of(new ImageResult.Failed(0, ErrorType.INTERNAL_ERROR,
                "Internal error: java.lang.NullPointerException: boom", "fox", List.of(), 1));

        ApiError e = FailureMapping.of(bug, false, () -> 1, "req_9");

        assertFalse(e.message().contains("NullPointer"), e.message());
        assertEquals("internal_error", e.code());
    }

    @Test
    void aStorageErrorSaysWhatFailedAndWhatToDo() {
        // regression: it claimed the image was made and pointed at a log line nothing wrote
        List<ImageResult.Failed> down = List.of(new ImageResult.Failed(0, ErrorType.STORAGE_ERROR,
                "The ledger database at postgresql://db.example.test:5432/qc did not answer within 3 s.", "fox",
                List.of(), 1));

        ApiError e = FailureMapping.of(down, false, () -> 1, "req_7");

        assertEquals(500, e.status());
        assertEquals("storage_error", e.code());
        assertEquals("The ledger database at postgresql://db.example.test:5432/qc did not answer within 3 s."
                + " (request id req_7)", e.message());
    }
}
