package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.QuotaReset;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CoolingTest {
    private final Instant now = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void quotaWaitsForTheNextBeijingMidnightOnGitee() {
        ProviderConfig gitee = TestConfigs.provider(ProviderId.GITEE,
                new QuotaReset(QuotaReset.Period.DAILY, ZoneId.of("Asia/Shanghai")));

        assertEquals(Instant.parse("2026-11-24T16:00:00Z"), Cooling.quotaUntil(gitee, null, now));
    }

    @Test
    void quotaWaitsForTheNextUtcMidnightOnA4f() {
        ProviderConfig a4f = TestConfigs.provider(ProviderId.A4F,
                new QuotaReset(QuotaReset.Period.DAILY, ZoneId.of("UTC")));

        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), Cooling.quotaUntil(a4f, null, now));
    }

    @Test
    void monthlyCreditsComeBackOnTheFirstOfNextMonth() {
        ProviderConfig hf = TestConfigs.provider(ProviderId.HUGGINGFACE,
                new QuotaReset(QuotaReset.Period.MONTHLY, ZoneId.of("UTC")));

        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), Cooling.quotaUntil(hf, null, now));
    }

    @Test
    void theProvidersOwnResetHintWins() {
        ProviderConfig gitee = TestConfigs.provider(ProviderId.GITEE,
                new QuotaReset(QuotaReset.Period.DAILY, ZoneId.of("Asia/Shanghai")));

        assertEquals(now.plusSeconds(90), Cooling.quotaUntil(gitee, now.plusSeconds(90), now));
    }

    @Test
    void aRateLimitRestsForRetryAfterOrTheShortCooldown() {
        ProviderConfig gitee = TestConfigs.provider(ProviderId.GITEE,
                new QuotaReset(QuotaReset.Period.DAILY, ZoneId.of("Asia/Shanghai")));

        assertEquals(now.plusSeconds(30), Cooling.rateLimitUntil(gitee, Duration.ofSeconds(30), now));
        assertEquals(now.plus(gitee.rateLimitCooldown()), Cooling.rateLimitUntil(gitee, null, now));
    }
}
