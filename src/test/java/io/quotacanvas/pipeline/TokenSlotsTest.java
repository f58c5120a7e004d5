package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TokenSlotsTest {
    private final Token a = new Token(ProviderId.GITEE, 1, new Secret("token-a-000000001"), "config");
    private final Token b = new Token(ProviderId.GITEE, 2, new Secret("token-b-000000002"), "config");
    private final Instant far = Instant.now().plusSeconds(60);
    private final TokenSlots slots = new TokenSlots(1, Clock.systemUTC());

    @Test
    void aBusyTokenIsPassedOverForTheNextFreeOne() throws Exception {
        TokenSlots.Lease first = slots.acquire(List.of(a, b), far, () -> false);
        TokenSlots.Lease second = slots.acquire(List.of(a, b), far, () -> false);

        assertEquals(a, first.token());
        assertEquals(b, second.token());
    }

    @Test
    void aWaiterGetsTheTokenWhenItIsReleased() throws Exception {
        TokenSlots.Lease held = slots.acquire(List.of(a), far, () -> false);
        CompletableFuture<TokenSlots.Lease> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.acquire(List.of(a), far, () -> false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        slots.release(held);

        assertEquals(a, waiter.get(10, TimeUnit.SECONDS).token());
    }

    @Test
    void aWaiterGivesUpWhenItsConditionTurnsTrue() throws Exception {
        slots.acquire(List.of(a), far, () -> false);
        AtomicBoolean providerDown = new AtomicBoolean();
        CompletableFuture<TokenSlots.Lease> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return slots.acquire(List.of(a), far, providerDown::get);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        providerDown.set(true);
        slots.wakeAll();

        assertNull(waiter.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFreedTokenIsNotGrantedOnceTheGiveUpConditionHolds() throws Exception {
        // regression: a waiter took the token a failed attempt released on a provider just marked down
        AtomicBoolean providerDown = new AtomicBoolean();
        TokenSlots.Lease held = slots.acquire(List.of(a), far, providerDown::get);

        providerDown.set(true);
        slots.release(held);

        assertNull(slots.acquire(List.of(a), far, providerDown::get));
    }

    @Test
    void aPassedDeadlineEndsTheWait() throws Exception {
        slots.acquire(List.of(a), far, () -> false);

        assertNull(slots.acquire(List.of(a), Instant.now().minusSeconds(1), () -> false));
    }

    @Test
    void perTokenConcurrencyAboveOneAllowsThatManyLeases() throws Exception {
        TokenSlots two = new TokenSlots(2, Clock.systemUTC());

        assertEquals(a, two.acquire(List.of(a, b), far, () -> false).token());
        assertEquals(a, two.acquire(List.of(a, b), far, () -> false).token());
        assertEquals(b, two.acquire(List.of(a, b), far, () -> false).token());
    }
}
