package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Engine events become progress notifications a person can read, whose values only grow and end at the
/// batch size.
class ProgressEventsTest {

    private static AttemptRecord attempt(int index, ProviderId p, String token, AttemptOutcome outcome, int status) {
        return new AttemptRecord(AttemptStep.GENERATE, p, "z-image-turbo", token, outcome, status,
                outcome == AttemptOutcome.SUCCESS ? "ok" : "Your resource package quota is used up", 120 + index, null);
    }

    private static ImageResult failed(int index) {
        return new ImageResult.Failed(index, ErrorType.QUOTA_EXHAUSTED, "all tokens spent", "x", List.of(), 5);
    }

    @Test
    void aFallbackReadsAsItHappensAndProgressOnlyGrows() {
        List<ProgressNotification> sent = new ArrayList<>();
        ProgressEvents events = new ProgressEvents(sent::add, "tok", 2);
        events.onEvent(new EngineEvent.BatchStarted(-1, 2, Instant.EPOCH));
        for (int i = 0; i < 2; i++) {
            events.onEvent(new EngineEvent.ImageStarted(i, 7 + i));
            events.onEvent(new EngineEvent.AttemptStarted(i, AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo",
                    "gitee#1 …a1b2"));
            events.onEvent(new EngineEvent.AttemptFinished(i, attempt(i, ProviderId.GITEE, "gitee#1 …a1b2",
                    AttemptOutcome.QUOTA_EXHAUSTED, 429)));
            events.onEvent(new EngineEvent.AttemptStarted(i, AttemptStep.GENERATE, ProviderId.A4F, "z-image-turbo",
                    "a4f#1 …c3d4"));
            events.onEvent(new EngineEvent.ImageFinished(i, failed(i)));
        }
        events.onEvent(new EngineEvent.BatchFinished(-1, new BatchResult(List.of(failed(0), failed(1)), 10)));

        List<String> messages = sent.stream().map(ProgressNotification::message).toList();
        assertEquals("Generating 2 images…", messages.getFirst());
        assertTrue(messages.contains("[1/2] quota_exhausted HTTP 429 from gitee/z-image-turbo after 120 ms: Your resource"
                + " package quota is used up"), messages.toString());
        assertTrue(messages.contains("[2/2] failed: quota_exhausted: all tokens spent"), messages.toString());
        assertTrue(messages.contains("[2/2] trying a4f/z-image-turbo with a4f#1 …c3d4"), messages.toString());
        for (int i = 1; i < sent.size(); i++) {
            assertTrue(sent.get(i).progress() > sent.get(i - 1).progress(), "progress must grow: " + sent);
        }
        assertEquals(2.0, sent.getLast().progress());
        assertTrue(sent.stream().allMatch(n -> n.total() == 2.0 && "tok".equals(n.progressToken())));
    }

    @Test
    void aClientThatIsGoneDoesNotStopTheRun() {
        ProgressEvents events = new ProgressEvents(n -> {
            throw new IllegalStateException("transport closed");
        }, 1, 1);
        events.onEvent(new EngineEvent.BatchStarted(-1, 1, Instant.EPOCH));
        events.onEvent(new EngineEvent.ImageStarted(0, 1));
    }
}
