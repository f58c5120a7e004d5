package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger.Lease;
import io.quotacanvas.token.ledger.Ledger.LedgerEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The [Ledger] contract, run against every implementation (SQLite file, PostgreSQL database): each
/// subclass only says how to open a ledger on a fresh store of its kind.
abstract class LedgerContract {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofHours(1));
    static final Instant MUCH_LATER = NOW.plus(Duration.ofHours(5));

    Ledger ledger;

    /// A new ledger instance over this test's store (the same store on every call within one test, a fresh
    /// empty one for each test), counting days in `zone`.
    abstract Ledger open(ZoneId zone);

    @BeforeEach
    void openLedger() {
        ledger = open(ZoneOffset.UTC);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    static Token token(String value) {
        return new Token(ProviderId.GITEE, 1, new Secret(value), "config");
    }

    @Test
    void anUnknownTokenIsReady() {
        assertEquals(TokenState.READY, ledger.state(token("gitee-aaaaaaaaaaaa"), "flux", NOW));
    }

    @Test
    void aCooledTokenIsCoolingUntilItsInstantAndReadyFromThen() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "daily quota spent", NOW);

        TokenState cooling = ledger.state(t, "flux", NOW);
        assertEquals(new TokenState.Cooling(LATER, FailureClass.QUOTA_EXHAUSTED, "daily quota spent"), cooling);
        assertFalse(cooling.usable());
        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "flux", LATER.minusMillis(1)));
        assertEquals(TokenState.READY, ledger.state(t, "flux", LATER));
    }

    @Test
    void aModelCoolingBlocksOnlyThatModelWhileATokenWideCoolingBlocksAll() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow down", NOW);

        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "flux", NOW));
        assertEquals(TokenState.READY, ledger.state(t, "qwen-image", NOW));
        assertEquals(TokenState.READY, ledger.state(t, null, NOW));

        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void theLongerOfTokenWideAndModelCoolingIsReported() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "wide", NOW);
        ledger.cool(t, "flux", MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "model", NOW);

        assertEquals(new TokenState.Cooling(MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "model"),
                ledger.state(t, "flux", NOW));
        assertEquals(new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "wide"),
                ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void aShorterCoolingNeverShortensALongerOneButALongerOneExtendsIt() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "slow down", NOW);
        assertEquals(new TokenState.Cooling(MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "spent"),
                ledger.state(t, null, NOW));

        Instant evenLater = MUCH_LATER.plusSeconds(60);
        ledger.cool(t, null, evenLater, FailureClass.RATE_LIMITED, "again", NOW);
        assertEquals(new TokenState.Cooling(evenLater, FailureClass.RATE_LIMITED, "again"),
                ledger.state(t, null, NOW));
    }

    @Test
    void anInvalidTokenStaysInvalidPastAnyCoolingUntilASuccess() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.invalidate(t, "401 invalid credentials", NOW);
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "ignored: already invalid", NOW);

        assertEquals(new TokenState.Invalid("401 invalid credentials", NOW), ledger.state(t, "flux", NOW));
        assertInstanceOf(TokenState.Invalid.class, ledger.state(t, "flux", NOW.plus(Duration.ofDays(400))));

        ledger.markSuccess(t, "flux", LATER);
        assertEquals(TokenState.READY, ledger.state(t, "flux", LATER));
    }

    @Test
    void invalidatingAgainKeepsTheFirstInstantAndWinsOverACooling() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, "flux", MUCH_LATER, FailureClass.RATE_LIMITED, "slow", NOW);
        ledger.invalidate(t, "first", NOW);
        ledger.invalidate(t, "second", LATER);

        assertEquals(new TokenState.Invalid("second", NOW), ledger.state(t, "flux", LATER));
    }

    @Test
    void clearRemovesInvalidAndEveryCoolingOfTheToken() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.invalidate(t, "401", NOW);
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow", NOW);

        ledger.clear(t);

        assertEquals(TokenState.READY, ledger.state(t, "flux", NOW));
        assertEquals(TokenState.READY, ledger.state(t, null, NOW));
    }

    @Test
    void successClearsTokenWideAndThatModelButNotOtherModels() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "wide", NOW);
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "flux", NOW);
        ledger.cool(t, "qwen-image", LATER, FailureClass.RATE_LIMITED, "qwen", NOW);

        ledger.markSuccess(t, "flux", NOW);

        assertEquals(TokenState.READY, ledger.state(t, "flux", NOW));
        assertEquals(new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "qwen"),
                ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void aChangedTokenValueIsFreshBecauseItsFingerprintDiffers() {
        Token old = token("gitee-old-value-111111");
        Token replaced = new Token(ProviderId.GITEE, 1, new Secret("gitee-new-value-222222"), "config");
        ledger.invalidate(old, "401", NOW);
        ledger.cool(old, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);

        assertEquals(TokenState.READY, ledger.state(replaced, "flux", NOW));
        assertInstanceOf(TokenState.Invalid.class, ledger.state(old, "flux", NOW));
    }

    @Test
    void theSameValueOnAnotherProviderIsAnotherToken() {
        Token gitee = token("shared-value-123456789");
        Token a4f = new Token(ProviderId.A4F, 1, new Secret("shared-value-123456789"), "config");
        ledger.cool(gitee, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);

        assertEquals(TokenState.READY, ledger.state(a4f, null, NOW));
    }

    @Test
    void aModelIsUnavailableUntilItsInstantAndALaterMarkIsKept() {
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));

        ledger.markModelUnavailable(ProviderId.GITEE, "flux", MUCH_LATER, "404 model not found", NOW);
        ledger.markModelUnavailable(ProviderId.GITEE, "flux", LATER, "shorter", NOW);

        assertEquals(Optional.of(MUCH_LATER), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "qwen-image", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.A4F, "flux", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", MUCH_LATER));
    }

    @Test
    void entriesListEveryKnownTokenWithStateLastUsedAndImagesToday() {
        Token used = token("gitee-used-1111111111");
        Token cooled = token("gitee-cooled-22222222");
        Token otherProvider = new Token(ProviderId.A4F, 1, new Secret("a4f-333333333333"), "config");
        ledger.markSuccess(used, "flux", NOW.minus(Duration.ofDays(1)));
        ledger.markSuccess(used, "flux", NOW.minusSeconds(60));
        ledger.markSuccess(used, "flux", NOW);
        ledger.cool(cooled, "flux", LATER, FailureClass.RATE_LIMITED, "slow", NOW);
        ledger.markSuccess(otherProvider, "flux", NOW);

        List<LedgerEntry> entries = ledger.entries(ProviderId.GITEE, NOW);

        assertEquals(List.of(
                new LedgerEntry(used.fingerprint(), ProviderId.GITEE, "", TokenState.READY, NOW, 2),
                new LedgerEntry(cooled.fingerprint(), ProviderId.GITEE, "", TokenState.READY, null, 0),
                new LedgerEntry(cooled.fingerprint(), ProviderId.GITEE, "flux",
                        new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "slow"), null, 0)),
                entries);
    }

    @Test
    void entriesDropExpiredModelCoolingsAndCountTheDayInTheLedgersZone() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.close();
        // 23:30 UTC is already the next day in Shanghai
        ledger = open(ZoneId.of("Asia/Shanghai"));
        ledger.markSuccess(t, "flux", Instant.parse("2026-03-01T15:30:00Z"));
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow", NOW);

        List<LedgerEntry> entries = ledger.entries(ProviderId.GITEE, Instant.parse("2026-03-01T16:30:00Z"));

        assertEquals(1, entries.size());
        assertEquals(0, entries.getFirst().imagesToday());
        assertEquals(1, ledger.entries(ProviderId.GITEE, Instant.parse("2026-03-01T15:59:00Z")).getFirst()
                .imagesToday());
    }

    @Test
    void aSecondRunOnTheSameStoreSeesTheFirstRunsCoolingUntilItsInstant() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
        ledger.invalidate(token("gitee-bad-00000000"), "401", NOW);
        ledger.markModelUnavailable(ProviderId.GITEE, "flux", LATER, "404", NOW);
        ledger.close();

        try (Ledger secondRun = open(ZoneOffset.UTC)) {
            assertInstanceOf(TokenState.Cooling.class, secondRun.state(t, "flux", NOW));
            assertEquals(TokenState.READY, secondRun.state(t, "flux", LATER));
            assertInstanceOf(TokenState.Invalid.class, secondRun.state(token("gitee-bad-00000000"), null, LATER));
            assertEquals(Optional.of(LATER), secondRun.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));
        }
        ledger = open(ZoneOffset.UTC);
    }

    @Test
    void twoOpenInstancesSeeEachOthersWritesAtOnce() {
        try (Ledger other = open(ZoneOffset.UTC)) {
            Token t = token("gitee-aaaaaaaaaaaa");
            other.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
            assertInstanceOf(TokenState.Cooling.class, ledger.state(t, null, NOW));
            ledger.clear(t);
            assertEquals(TokenState.READY, other.state(t, null, NOW));
        }
    }

    @Test
    void callsAfterCloseAreRefusedAndCloseIsIdempotent() {
        ledger.close();
        ledger.close();
        Token t = token("gitee-aaaaaaaaaaaa");

        assertThrows(IllegalStateException.class, () -> ledger.state(t, null, NOW));
        assertThrows(IllegalStateException.class, () -> ledger.markSuccess(t, null, NOW));
        assertThrows(IllegalStateException.class, () -> ledger.entries(ProviderId.GITEE, NOW));
    }

    @Test
    void anonymousTokensAreTrackedLikeAnyOther() {
        Token anonymous = Token.anonymous(ProviderId.HUGGINGFACE);
        ledger.cool(anonymous, "flux", LATER, FailureClass.QUOTA_EXHAUSTED, "ZeroGPU quota", NOW);

        assertInstanceOf(TokenState.Cooling.class, ledger.state(anonymous, "flux", NOW));
        assertNull(ledger.entries(ProviderId.HUGGINGFACE, NOW).getFirst().lastUsed());
    }

    @Test
    void quotaFiguresAreKeptPerTokenAndModelAndNeverReplacedByOlderOnes() {
        Token t = token("gitee-aaaaaaaaaaaa");
        QuotaSnapshot newer = new QuotaSnapshot(10, 2000, 4, 500);
        assertEquals(Optional.empty(), ledger.lastQuota(t, "flux"));

        ledger.recordQuota(t, "flux", newer, LATER);
        ledger.recordQuota(t, "flux", new QuotaSnapshot(99, 2000, 99, 500), NOW);
        ledger.recordQuota(t, "qwen-image", new QuotaSnapshot(null, null, 7, 500), NOW);

        assertEquals(Optional.of(newer), ledger.lastQuota(t, "flux"));
        assertEquals(Optional.of(new QuotaSnapshot(null, null, 7, 500)), ledger.lastQuota(t, "qwen-image"));
        try (Ledger other = open(ZoneOffset.UTC)) {
            assertEquals(Optional.of(newer), other.lastQuota(t, "flux"));
        }
    }

    @Test
    void everyTimeComesFromTheCallerNotTheSystemClock() {
        // instants far from the real "now": a ledger reading the system clock would get these wrong
        Instant past = Instant.parse("2001-01-01T00:00:00Z");
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.markModelUnavailable(ProviderId.GITEE, "flux", past.plusSeconds(60), "404", past);
        ledger.invalidate(t, "401", past);

        assertEquals(Optional.of(past.plusSeconds(60)),
                ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", past));
        assertEquals(new TokenState.Invalid("401", past), ledger.state(t, null, past));
        Lease lease = ledger.tryLease(t, 1, "holder-a", past, past.plusSeconds(30)).orElseThrow();
        assertEquals(1, ledger.leasesInFlight(t, past));
        assertEquals(0, ledger.leasesInFlight(t, past.plusSeconds(30)));
        ledger.release(lease);
    }

    // ---- in-flight leases ----

    @Test
    void aTokenGivesOutAtMostLimitLeasesWhoeverAsks() {
        Token t = token("gitee-aaaaaaaaaaaa");
        Instant until = NOW.plusSeconds(60);

        Optional<Lease> first = ledger.tryLease(t, 2, "holder-a", NOW, until);
        Optional<Lease> second = ledger.tryLease(t, 2, "holder-b", NOW, until);
        Optional<Lease> third = ledger.tryLease(t, 2, "holder-a", NOW, until);

        assertTrue(first.isPresent());
        assertTrue(second.isPresent());
        assertTrue(third.isEmpty());
        assertNotEquals(first.get().id(), second.get().id());
        assertEquals(new Lease(first.get().id(), t.fingerprint(), "holder-a", until), first.get());
        assertEquals(2, ledger.leasesInFlight(t, NOW));
        assertEquals(0, ledger.leasesInFlight(token("gitee-other-bbbbbb"), NOW), "leases are per token");
        assertTrue(ledger.tryLease(token("gitee-other-bbbbbb"), 1, "holder-a", NOW, until).isPresent());
    }

    @Test
    void aReleasedLeaseFreesItsSlotAndReleasingTwiceFreesNothingMore() {
        Token t = token("gitee-aaaaaaaaaaaa");
        Lease held = ledger.tryLease(t, 1, "holder-a", NOW, LATER).orElseThrow();

        ledger.release(held);
        Lease next = ledger.tryLease(t, 1, "holder-b", NOW, LATER).orElseThrow();
        ledger.release(held);

        assertEquals(1, ledger.leasesInFlight(t, NOW), "the second release must not free the newer lease");
        assertTrue(ledger.tryLease(t, 1, "holder-a", NOW, LATER).isEmpty());
        ledger.release(next);
        assertEquals(0, ledger.leasesInFlight(t, NOW));
    }

    @Test
    void aCrashedHoldersLeasesExpireByThemselves() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.tryLease(t, 1, "crashed-process", NOW, NOW.plusSeconds(30)).orElseThrow();

        assertTrue(ledger.tryLease(t, 1, "live-process", NOW.plusSeconds(29), LATER).isEmpty());
        assertEquals(0, ledger.leasesInFlight(t, NOW.plusSeconds(30)));
        assertTrue(ledger.tryLease(t, 1, "live-process", NOW.plusSeconds(30), LATER).isPresent());
    }

    @Test
    void aHeartbeatKeepsOnlyItsOwnLiveLeases() {
        Token a = token("gitee-aaaaaaaaaaaa");
        Token b = token("gitee-bbbbbbbbbbbb");
        Token c = token("gitee-cccccccccccc");
        ledger.tryLease(a, 1, "me", NOW, NOW.plusSeconds(30)).orElseThrow();
        ledger.tryLease(b, 1, "me", NOW, NOW.plusSeconds(10)).orElseThrow();
        ledger.tryLease(c, 1, "someone-else", NOW, NOW.plusSeconds(30)).orElseThrow();

        // at +20 s the lease on b has already expired: it must not come back (its slot may be taken)
        int renewed = ledger.renewLeases("me", NOW.plusSeconds(20), NOW.plusSeconds(90));

        assertEquals(1, renewed);
        assertEquals(1, ledger.leasesInFlight(a, NOW.plusSeconds(60)));
        assertEquals(0, ledger.leasesInFlight(b, NOW.plusSeconds(20)));
        assertEquals(0, ledger.leasesInFlight(c, NOW.plusSeconds(60)), "another holder's lease is not renewed");
    }

    @Test
    void leaseArgumentsAreChecked() {
        Token t = token("gitee-aaaaaaaaaaaa");
        assertThrows(IllegalArgumentException.class, () -> ledger.tryLease(t, 0, "h", NOW, LATER));
        assertThrows(IllegalArgumentException.class, () -> ledger.tryLease(t, 1, "h", NOW, NOW));
        assertEquals(0, ledger.leasesInFlight(t, NOW));
    }

    @Test
    void leasesAreSharedByEveryInstanceOnTheStore() {
        Token t = token("gitee-aaaaaaaaaaaa");
        try (Ledger other = open(ZoneOffset.UTC)) {
            Lease lease = other.tryLease(t, 1, "other-process", NOW, LATER).orElseThrow();

            assertTrue(ledger.tryLease(t, 1, "this-process", NOW, LATER).isEmpty());
            assertEquals(1, ledger.leasesInFlight(t, NOW));
            other.release(lease);
        }
        assertTrue(ledger.tryLease(t, 1, "this-process", NOW, LATER).isPresent());
    }

    @Test
    void manyThreadsOnTwoInstancesNeverHoldMoreThanTheLimit() throws Exception {
        Token t = token("gitee-aaaaaaaaaaaa");
        int limit = 2;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger taken = new AtomicInteger();
        try (Ledger other = open(ZoneOffset.UTC); ExecutorService pool = Executors.newFixedThreadPool(6)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                Ledger mine = w % 2 == 0 ? ledger : other;
                String holder = "worker-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        Optional<Lease> lease = mine.tryLease(t, limit, holder, NOW, LATER);
                        if (lease.isPresent()) {
                            most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            taken.incrementAndGet();
                            Thread.sleep(1);
                            holding.decrementAndGet();
                            mine.release(lease.get());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        assertTrue(most.get() <= limit, "held at once: " + most.get());
        assertTrue(taken.get() >= limit, "leases taken: " + taken.get());
        assertEquals(0, ledger.leasesInFlight(t, NOW));
    }
}
