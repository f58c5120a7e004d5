package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The CLI's stderr progress: one line per decision, numbered in a batch, with failures left to the final report.
class ProgressPrinterTest {
    private static final ImageResult.Failed FAILED =
            new ImageResult.Failed(0, ErrorType.QUOTA_EXHAUSTED, "all tokens spent", "x", List.of(), 5);

    private static List<String> print(int count, EngineEvent... events) {
        StringWriter out = new StringWriter();
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(out), count, ZoneOffset.UTC);
        for (EngineEvent e : events) {
            printer.onEvent(e);
        }
        return out.toString().lines().toList();
    }

    private static EngineEvent skippedKeyless(int index) {
        return new EngineEvent.CandidateSkipped(index, new AttemptRecord(AttemptStep.SKIP, null, "openai-fast", null,
                AttemptOutcome.SKIPPED, 0, "marked down", 0, null));
    }

    @Test
    void aSingleImagePrintsItsDecisionsWithoutBatchLinesOrItsFailure() {
        List<String> lines = print(1, new EngineEvent.BatchStarted(-1, 1, Instant.EPOCH),
                new EngineEvent.ImageStarted(0, 7), skippedKeyless(0), new EngineEvent.ImageFinished(0, FAILED),
                new EngineEvent.BatchFinished(-1, new BatchResult(List.of(FAILED), 10)));

        assertEquals(List.of("skipped keyless/openai-fast: marked down"), lines);
    }

    @Test
    void aBatchNumbersEachImagesLinesAndSumsUp() {
        List<String> lines = print(2, new EngineEvent.BatchStarted(-1, 2, Instant.EPOCH),
                new EngineEvent.AttemptStarted(1, AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo",
                        "gitee#1 …0001"), skippedKeyless(0),
                new EngineEvent.BatchFinished(-1, new BatchResult(List.of(FAILED, FAILED), 1_500)));

        assertEquals(List.of("Generating 2 images…", "[2/2] trying gitee/z-image-turbo with gitee#1 …0001",
                "[1/2] skipped keyless/openai-fast: marked down", "Done: 0 of 2 images in 1.5 s"), lines);
    }
}
