package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import java.time.Duration;
import java.time.Instant;

/// Until when a token rests after a failure. A provider's own hint (Retry-After, "Try again in") wins;
/// otherwise quota waits for the provider's reset rule and a rate limit for its short cooldown.
final class Cooling {
    private Cooling() {
    }

    static Instant quotaUntil(ProviderConfig provider, Instant resetHint, Instant now) {
        if (resetHint != null && resetHint.isAfter(now)) {
            return resetHint;
        }
        return provider.quotaReset().nextAfter(now);
    }

    static Instant rateLimitUntil(ProviderConfig provider, Duration retryAfter, Instant now) {
        Duration wait = retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()
                ? retryAfter : provider.rateLimitCooldown();
        return now.plus(wait);
    }
}
