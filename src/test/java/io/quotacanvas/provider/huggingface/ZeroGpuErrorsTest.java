package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ZeroGpuErrorsTest {
    static final String ANONYMOUS = "{\"error\":\"'You have exceeded your ZeroGPU quota (146s requested vs. 62s left)."
            + " Try again in 23:59:09. Authenticate with a Hugging Face token for more quota -"
            + " https://huggingface.co/settings/tokens'\",\"visible\":true,\"duration\":null,\"title\":\"Error\"}";
    static final String FREE = "\"You have exceeded your free GPU quota (60s requested vs. 55s left). Try again in 1:02:03\"";
    static final String OLDER = "{\"error\":\"You have exceeded your GPU quota (30s left vs. 60s requested). Sign-up on"
            + " Hugging Face to get more quotas or retry in 4:05:06\"}";
    private static final Instant NOW = HfFixtures.NOW;

    private static Outcome.Failure classify(String data) {
        return ZeroGpuErrors.classify(ZeroGpuErrors.text(data), NOW);
    }

    @Test
    void theAnonymousQuotaTextWrappedInQuotesCoolsUntilTryAgainIn() {
        var q = assertInstanceOf(Outcome.QuotaExhausted.class, classify(ANONYMOUS));

        assertEquals(NOW.plus(Duration.parse("PT23H59M9S")), q.resetAt());
        assertTrue(q.message().startsWith("ZeroGPU quota used up: \"You have exceeded"), q.message());
    }

    @Test
    void theLoggedInAndOlderWordingsAreQuotaToo() {
        assertEquals(NOW.plus(Duration.parse("PT1H2M3S")),
                assertInstanceOf(Outcome.QuotaExhausted.class, classify(FREE)).resetAt());
        assertEquals(NOW.plus(Duration.parse("PT4H5M6S")),
                assertInstanceOf(Outcome.QuotaExhausted.class, classify(OLDER)).resetAt());
    }

    @Test
    void aQuotaTextWithoutATimeRestsADay() {
        var q = assertInstanceOf(Outcome.QuotaExhausted.class,
                classify("{\"error\":\"You have EXCEEDED YOUR zerogpu QUOTA\"}"));

        assertEquals(NOW.plus(Duration.ofHours(24)), q.resetAt());
    }

    @Test
    void noFreeGpuIsTransientAndATooLongRequestIsNotRetryableHere() {
        assertInstanceOf(Outcome.ProviderError.class,
                classify("{\"error\":\"No GPU is currently available for you after 60s\"}"));
        assertInstanceOf(Outcome.ProviderError.class, classify("\"No GPU is currently available\""));
        assertInstanceOf(Outcome.ModelUnavailable.class, classify(
                "{\"error\":\"The requested GPU duration (180s) is larger than the maximum allowed\"}"));
    }

    @Test
    void emptyErrorsModerationAndOtherTextsAreClassified() {
        assertNull(ZeroGpuErrors.text("null"));
        assertNull(ZeroGpuErrors.text("{\"error\":null,\"visible\":false}"));
        assertInstanceOf(Outcome.ProviderError.class, classify("null"));
        assertInstanceOf(Outcome.ContentRejected.class, classify("{\"error\":\"NSFW content detected\"}"));
        var other = classify("\"CUDA out of memory\"");
        assertInstanceOf(Outcome.ProviderError.class, other);
        assertTrue(other.message().contains("CUDA out of memory"), other.message());
    }
}
