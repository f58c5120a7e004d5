package io.quotacanvas.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void aCancelledCallIsANetworkErrorThatSaysWhy() {
        Outcome.NetworkError cancelled = Outcome.NetworkError.cancelled("gitee was marked down");

        assertTrue(cancelled.isCancellation());
        assertEquals("cancelled: gitee was marked down", cancelled.message());
        assertEquals(FailureClass.NETWORK_ERROR, cancelled.failureClass());
    }

    @Test
    void aRefusedConnectionIsNotACancellation() {
        assertFalse(new Outcome.NetworkError("connection refused by 127.0.0.1:1").isCancellation());
    }

    @Test
    void aFailureWhoseWordsStartLikeACancellationIsStillAFailure() {
        // regression: cancellations were told apart by a message prefix a server's own text could carry
        assertFalse(new Outcome.NetworkError("cancelled: by the upstream proxy").isCancellation());
    }
}
