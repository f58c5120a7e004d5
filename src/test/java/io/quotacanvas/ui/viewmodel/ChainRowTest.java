package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ProviderId;
import org.junit.jupiter.api.Test;

/// A chain row's kind comes from the attempt's typed outcome; running is the studio's own state.
class ChainRowTest {

    private static ChainRow finished(AttemptOutcome outcome) {
        return ChainRow.of(new AttemptRecord(AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo", "gitee#1 …0001",
                outcome, 200, null, 812, null));
    }

    @Test
    void aRunningRowHasNoOutcomeYet() {
        ChainRow row = ChainRow.running("generate", ProviderId.GITEE, "z-image-turbo", "gitee#1 …0001");

        assertNull(row.outcome());
        assertEquals(ChainRow.Kind.RUNNING, row.kind());
        assertEquals("running", row.outcomeName());
    }

    @Test
    void everyOutcomeHasItsKindAndName() {
        assertEquals(ChainRow.Kind.SUCCESS, finished(AttemptOutcome.SUCCESS).kind());
        assertEquals(ChainRow.Kind.SKIPPED, finished(AttemptOutcome.SKIPPED).kind());
        assertEquals(ChainRow.Kind.FAILURE, finished(AttemptOutcome.QUOTA_EXHAUSTED).kind());
        assertEquals(ChainRow.Kind.FAILURE, finished(AttemptOutcome.CANCELLED).kind());
        assertEquals("quota_exhausted", finished(AttemptOutcome.QUOTA_EXHAUSTED).outcomeName());
    }

    @Test
    void aFinishedRecordClosesItsRunningRowWhichCanAlsoBeCancelled() {
        ChainRow running = ChainRow.running("generate", ProviderId.GITEE, "z-image-turbo", "gitee#1 …0001");

        assertTrue(finished(AttemptOutcome.SUCCESS).finishes(running));
        assertFalse(finished(AttemptOutcome.SUCCESS).finishes(finished(AttemptOutcome.SUCCESS)));
        assertEquals(AttemptOutcome.CANCELLED, running.cancelled().outcome());
        assertEquals("gitee#1 …0001", running.cancelled().tokenLabel());
    }
}
