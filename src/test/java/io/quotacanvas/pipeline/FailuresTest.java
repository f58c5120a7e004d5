package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/// What an image that never got an answer is told, when every route was skipped.
class FailuresTest {
    private static final Instant BACK = Instant.parse("2026-11-30T20:09:33Z");

    private static AttemptRecord skip(ProviderId provider, String token, String why, Instant until) {
        return new AttemptRecord(AttemptStep.SKIP, provider, "z-image-turbo", token, AttemptOutcome.SKIPPED, 0, why,
                0, until);
    }

    /// Regression: a provider resting after 5xx answers was reported as spent quota (the gateway then
    /// answered 429 insufficient_quota with Retry-After: 1, and the SDKs retried at once).
    @Test
    void aProviderRestingAfterFailuresIsNotSpentQuota() {
        var verdict = Failures.exhausted(List.of(skip(ProviderId.GITEE, null, "provider down after repeated failures",
                BACK)), null);

        assertEquals(ErrorType.NO_PROVIDER, verdict.type());
        assertTrue(verdict.message().contains("gitee: provider down after repeated failures until " + BACK),
                verdict.message());
    }

    @Test
    void aCoolingTokenIsSpentQuotaUntilItIsReady() {
        var verdict = Failures.exhausted(List.of(skip(ProviderId.GITEE, "gitee#1 …0001", "cooling (quota_exhausted)",
                BACK)), null);

        assertEquals(ErrorType.QUOTA_EXHAUSTED, verdict.type());
        assertTrue(verdict.message().contains(BACK.toString()), verdict.message());
    }

    /// Regression: the hint named QUOTA_CANVAS_GITEE_TOKENS whichever provider lacked a token.
    @Test
    void theHintDoesNotNameAnotherProvidersVariable() {
        var verdict = Failures.exhausted(List.of(skip(ProviderId.MODELSCOPE, null, "no tokens configured", null)),
                null);

        assertEquals(ErrorType.NO_PROVIDER, verdict.type());
        assertTrue(verdict.message().contains("modelscope: no tokens configured"), verdict.message());
        assertFalse(verdict.message().contains("GITEE"), verdict.message());
    }
}
