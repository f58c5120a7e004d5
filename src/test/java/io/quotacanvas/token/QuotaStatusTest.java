package io.quotacanvas.token;

import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.ledger.ForwardingLedger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.testing.MutableClock;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.token.QuotaStatus.ModelStatus;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The quota picture from config + pool + ledger + an injectable clock.
class QuotaStatusTest {
    static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    static final Instant RESET = Instant.parse("2026-11-24T16:00:00Z");

    @TempDir
    Path dir;
    SqliteLedger ledger;
    final MutableClock clock = new MutableClock(NOW);
    final AppConfig config = TestConfigs.withTokens(List.of(ProviderId.GITEE, ProviderId.HUGGINGFACE),
            ProviderId.GITEE, "gitee-token-one-0001", ProviderId.GITEE, "gitee-token-two-0002");
    TokenPool pool;
    QuotaStatus status;

    @BeforeEach
    void open() {
        ledger = new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC);
        pool = TokenPool.fromConfig(config);
        status = new QuotaStatus(config, pool, ledger, clock);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    Token gitee(int i) {
        return pool.tokens(ProviderId.GITEE).get(i);
    }

    static ModelStatus model(ProviderStatus p, String name) {
        return p.models().stream().filter(m -> m.model().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCooledTokenTurnsReadyAtItsInstant() {
        ledger.cool(gitee(0), null, RESET, FailureClass.QUOTA_EXHAUSTED, "quota used up (HTTP 429)", NOW);

        ProviderStatus before = status.provider(ProviderId.GITEE);
        assertEquals(1, model(before, "z-image-turbo").ready());
        var cooling = model(before, "z-image-turbo").cooling();
        assertEquals(1, cooling.size());
        assertEquals("gitee#1 …0001", cooling.getFirst().label());
        assertEquals(RESET, cooling.getFirst().until());
        assertEquals("quota_exhausted", cooling.getFirst().reason());
        assertEquals(RESET, before.nextReady());
        assertInstanceOf(TokenState.Cooling.class, before.tokens().getFirst().state());

        clock.set(RESET);
        ProviderStatus after = status.provider(ProviderId.GITEE);
        assertEquals(2, model(after, "z-image-turbo").ready());
        assertTrue(model(after, "z-image-turbo").cooling().isEmpty());
        assertNull(after.nextReady());
        assertEquals(TokenState.READY, after.tokens().getFirst().state());
    }

    @Test
    void aModelOnlyCoolingAndAnInvalidTokenAreCountedPerModel() {
        ledger.cool(gitee(0), "flux-2", RESET, FailureClass.RATE_LIMITED, "slow down", NOW);
        ledger.invalidate(gitee(1), "token rejected (HTTP 401)", NOW);

        ProviderStatus p = status.provider(ProviderId.GITEE);

        assertEquals(1, model(p, "z-image-turbo").ready());
        assertEquals(1, model(p, "z-image-turbo").invalid());
        assertEquals(0, model(p, "flux-2").ready());
        assertEquals(1, model(p, "flux-2").cooling().size());
        assertInstanceOf(TokenState.Cooling.class, p.tokens().getFirst().modelStates().get("flux-2"));
        assertInstanceOf(TokenState.Invalid.class, p.tokens().get(1).state());
    }

    @Test
    void imagesTodayLastUsedAndTheNextResetComeFromLedgerAndConfig() {
        ledger.markSuccess(gitee(0), "z-image-turbo", NOW.minusSeconds(60));
        ledger.markSuccess(gitee(0), "z-image-turbo", NOW.minusSeconds(30));
        ledger.markSuccess(gitee(1), "z-image-turbo", NOW.minusSeconds(10));

        ProviderStatus p = status.provider(ProviderId.GITEE);

        assertEquals(3, p.imagesToday());
        assertEquals(2, p.tokens().getFirst().imagesToday());
        assertEquals(NOW.minusSeconds(30), p.tokens().getFirst().lastUsed());
        assertEquals(RESET, p.nextReset(), "gitee resets at Beijing midnight");
    }

    @Test
    void huggingFaceShowsItsAnonymousRouteAndItsCooling() {
        Token anon = Token.anonymous(ProviderId.HUGGINGFACE);
        ledger.cool(anon, "flux-2", RESET, FailureClass.QUOTA_EXHAUSTED, "ZeroGPU quota", NOW);

        ProviderStatus hf = status.provider(ProviderId.HUGGINGFACE);

        assertTrue(hf.anonymous().allowed());
        assertEquals(TokenState.READY, hf.anonymous().state());
        assertEquals(Boolean.TRUE, model(hf, "z-image-turbo").anonymousReady());
        assertEquals(Boolean.FALSE, model(hf, "flux-2").anonymousReady());
        assertNull(status.provider(ProviderId.GITEE).anonymous());
        assertNull(model(status.provider(ProviderId.GITEE), "z-image-turbo").anonymousReady());
    }

    @Test
    void remainingCallsReportedByTheProviderAreSummedPerModel() {
        Ledger withQuota = new ForwardingLedger(ledger) {
            @Override
            public Optional<QuotaSnapshot> lastQuota(Token token, String model) {
                return "z-image-turbo".equals(model) ? Optional.of(new QuotaSnapshot(90, 2000, token.ordinal() * 10, 500))
                        : Optional.empty();
            }
        };

        ProviderStatus p = new QuotaStatus(config, pool, withQuota, clock).provider(ProviderId.GITEE);

        assertEquals(30, model(p, "z-image-turbo").knownRemaining());
        assertNull(model(p, "flux-2").knownRemaining());
        assertEquals(10, p.tokens().getFirst().remaining().get("z-image-turbo").modelRemaining());
    }

    @Test
    void theReportListsEveryProviderRoutingOrderFirst() {
        var report = status.report();

        assertEquals(ProviderId.values().length, report.providers().size());
        assertEquals(ProviderId.GITEE, report.providers().getFirst().provider());
        assertEquals(ProviderId.HUGGINGFACE, report.providers().get(1).provider());
    }
}
