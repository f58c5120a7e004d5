package io.quotacanvas.provider.openaiapi;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class OpenAiFailuresTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final OpenAiFailures.Dialect DIALECT = new OpenAiFailures.Dialect("meaning of 403");

    private static Outcome.Failure classify(int status, String body) {
        return OpenAiFailures.classify(status, Headers.of(), body, NOW, DIALECT);
    }

    private static FailureClass classOf(int status, String body) {
        return classify(status, body).failureClass();
    }

    @Test
    void authFailuresAre401And403() {
        assertEquals(FailureClass.AUTH_FAILED, classOf(401, "{\"message\":\"bad token\"}"));
        Outcome.Failure forbidden = classify(403, "{\"message\":\"denied\"}");
        assertEquals(FailureClass.AUTH_FAILED, forbidden.failureClass());
        assertTrue(forbidden.message().contains("meaning of 403"));
        assertTrue(forbidden.message().contains("denied"));
    }

    @Test
    void quotaIs402OrQuotaWordingOrCode() {
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(402, ""));
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(429, "{\"error\":{\"code\":\"insufficient_quota\"}}"));
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(429, "{\"message\":\"out of credits\"}"));
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(429, "{\"message\":\"Insufficient balance\"}"));
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(403, "{\"message\":\"account arrearage\"}"));
        assertEquals(FailureClass.QUOTA_EXHAUSTED, classOf(429, "{\"message\":\"今日额度已用完\"}"));
    }

    @Test
    void anExplicitRateLimitCodeBeatsQuotaWording() {
        assertEquals(FailureClass.RATE_LIMITED,
                classOf(429, "{\"error\":{\"message\":\"per-minute quota hit\",\"code\":\"rate_limit_exceeded\"}}"));
    }

    @Test
    void otherTooManyRequestsAreRateLimitsWithTheHint() {
        Outcome.Failure f = OpenAiFailures.classify(429, Headers.of("Retry-After", "12"), "slow down", NOW, DIALECT);

        assertEquals(new Outcome.RateLimited(429, "rate limited (HTTP 429): slow down", Duration.ofSeconds(12)), f);
    }

    @Test
    void quotaResetComesFromRetryAfterOrIsLeftOpen() {
        var withHint = OpenAiFailures.classify(402, Headers.of("Retry-After", "3600"), "", NOW, DIALECT);
        assertEquals(NOW.plusSeconds(3600), ((Outcome.QuotaExhausted) withHint).resetAt());
        assertNull(((Outcome.QuotaExhausted) classify(402, "")).resetAt());
    }

    @Test
    void missingModelsAreModelUnavailable() {
        assertEquals(FailureClass.MODEL_UNAVAILABLE, classOf(404, "Not Found"));
        assertEquals(FailureClass.MODEL_UNAVAILABLE, classOf(400, "{\"error\":{\"code\":\"model_not_found\"}}"));
        assertEquals(FailureClass.MODEL_UNAVAILABLE, classOf(400, "{\"message\":\"Model not supported by provider fal\"}"));
        assertEquals(FailureClass.MODEL_UNAVAILABLE, classOf(422, "{\"message\":\"model foo does not exist\"}"));
        assertEquals(FailureClass.MODEL_UNAVAILABLE, classOf(400, "{\"message\":\"模型不存在\"}"));
    }

    @Test
    void moderationIsContentRejected() {
        assertEquals(FailureClass.CONTENT_REJECTED, classOf(400, "{\"error\":{\"code\":\"content_policy_violation\"}}"));
        assertEquals(FailureClass.CONTENT_REJECTED, classOf(400, "{\"error\":{\"code\":\"moderation_blocked\"}}"));
        assertEquals(FailureClass.CONTENT_REJECTED, classOf(400, "{\"message\":\"prompt contains sensitive words\"}"));
        assertEquals(FailureClass.CONTENT_REJECTED, classOf(400, "{\"message\":\"输入内容违规\"}"));
    }

    @Test
    void otherBadRequestsAreProviderErrorsNamingTheField() {
        Outcome.Failure f = classify(400, "{\"error\":{\"message\":\"must be <= 50\",\"param\":\"num_inference_steps\"}}");

        assertEquals(FailureClass.PROVIDER_ERROR, f.failureClass());
        assertEquals("request rejected as invalid (HTTP 400) in field 'num_inference_steps': must be <= 50", f.message());
    }

    @Test
    void oddCharactersInTheProvidersFieldNameAreQuotedAsIs() {
        Outcome.Failure f = classify(400, "{\"error\":{\"message\":\"bad\",\"param\":\"$1\\\\x\"}}");

        assertEquals("request rejected as invalid (HTTP 400) in field '$1\\x': bad", f.message());
    }

    @Test
    void serverSideTroubleIsAProviderError() {
        for (int status : new int[] {500, 502, 503, 504, 408, 409, 418}) {
            assertEquals(FailureClass.PROVIDER_ERROR, classOf(status, "oops"), "HTTP " + status);
        }
    }
}
