package io.quotacanvas.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse(Headers.of("Retry-After", "30"), NOW));
    }

    @Test
    void readsAnHttpDate() {
        Headers headers = Headers.of("Retry-After", "Tue, 24 Nov 2026 10:02:00 GMT");

        assertEquals(Duration.ofMinutes(2), RetryAfter.parse(headers, NOW));
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, RetryAfter.parse(Headers.of("Retry-After", "Tue, 24 Nov 2026 09:00:00 GMT"), NOW));
    }

    @Test
    void retryAfterMsWins() {
        Headers headers = Headers.of("retry-after-ms", "250", "Retry-After", "9");

        assertEquals(Duration.ofMillis(250), RetryAfter.parse(headers, NOW));
    }

    @Test
    void garbageOrMissingMeansNoHint() {
        assertNull(RetryAfter.parse(Headers.of("Retry-After", "soon"), NOW));
        assertNull(RetryAfter.parse(Headers.of(), NOW));
        assertNull(RetryAfter.resetAt(Headers.of(), NOW));
    }

    @Test
    void resetAtIsNowPlusTheHint() {
        assertEquals(NOW.plusSeconds(60), RetryAfter.resetAt(Headers.of("Retry-After", "60"), NOW));
    }
}
