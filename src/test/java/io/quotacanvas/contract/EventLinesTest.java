package io.quotacanvas.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Every engine event reads as one plain line, the same for the CLI and the MCP server.
class EventLinesTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant MIDNIGHT = Instant.parse("2026-11-24T16:00:00Z");

    private static String line(EngineEvent event) {
        return EventLines.line(event, BEIJING);
    }

    private static AttemptRecord record(AttemptStep step, ProviderId p, String model, String token,
                                        AttemptOutcome outcome, int status, String message, long ms, Instant until) {
        return new AttemptRecord(step, p, model, token, outcome, status, message, ms, until);
    }

    @Test
    void aBatchStartsAndEndsWithItsCounts() {
        assertEquals("Generating 1 image…", line(new EngineEvent.BatchStarted(-1, 1, Instant.EPOCH)));
        assertEquals("Generating 3 images…", line(new EngineEvent.BatchStarted(-1, 3, Instant.EPOCH)));
        ImageResult.Failed failed = new ImageResult.Failed(1, ErrorType.QUOTA_EXHAUSTED, "all spent", "x", List.of(), 5);
        assertEquals("Done: 1 of 2 images in 2.5 s",
                line(new EngineEvent.BatchFinished(-1, new BatchResult(List.of(generated(), failed), 2_500))));
    }

    @Test
    void anImageStartingIsNotWorthALine() {
        assertNull(line(new EngineEvent.ImageStarted(0, 42)));
    }

    @Test
    void anAttemptNamesProviderModelAndMaskedToken() {
        assertEquals("trying gitee/z-image-turbo with gitee#1 …a1b2", line(new EngineEvent.AttemptStarted(0,
                AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo", "gitee#1 …a1b2")));
        assertEquals("trying a4f/gpt-4o-mini with a4f#2 …c3d4 (optimize prompt)", line(new EngineEvent.AttemptStarted(
                0, AttemptStep.OPTIMIZE, ProviderId.A4F, "gpt-4o-mini", "a4f#2 …c3d4")));
    }

    @Test
    void aKeylessPromptAttemptReadsKeyless() {
        assertEquals("trying keyless/openai-fast (translate prompt)", line(new EngineEvent.AttemptStarted(0,
                AttemptStep.TRANSLATE, null, "openai-fast", null)));
        assertEquals("ok keyless/openai-fast HTTP 200 in 840 ms", line(new EngineEvent.AttemptFinished(0, record(
                AttemptStep.TRANSLATE, null, "openai-fast", null, AttemptOutcome.SUCCESS, 200, "ok", 840, null))));
    }

    /// Regression: the CLI printed the skip's provider as is, so a keyless route read "skipped null/openai-fast".
    @Test
    void aSkippedKeylessRouteReadsKeylessNotNull() {
        assertEquals("skipped keyless/openai-fast: marked down", line(new EngineEvent.CandidateSkipped(0, record(
                AttemptStep.SKIP, null, "openai-fast", null, AttemptOutcome.SKIPPED, 0, "marked down", 0, null))));
    }

    @Test
    void aSkippedTokenSaysUntilWhenInTheGivenZone() {
        assertEquals("skipped gitee/z-image-turbo gitee#1 …0001: cooling (quota_exhausted) until 2026-11-25 00:00 +08:00",
                line(new EngineEvent.CandidateSkipped(0, record(AttemptStep.SKIP, ProviderId.GITEE, "z-image-turbo",
                        "gitee#1 …0001", AttemptOutcome.SKIPPED, 0, "cooling (quota_exhausted)", 0, MIDNIGHT))));
    }

    @Test
    void aFailedAttemptGivesOutcomeStatusTimeAndMessage() {
        assertEquals("quota_exhausted HTTP 429 from gitee/z-image-turbo after 1.3 s: daily quota used up",
                line(new EngineEvent.AttemptFinished(0, record(AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo",
                        "gitee#1 …a1b2", AttemptOutcome.QUOTA_EXHAUSTED, 429, "daily quota used up", 1_250, null))));
    }

    @Test
    void aFailureWithoutMessageDoesNotPrintNull() {
        assertEquals("timeout from a4f/z-image-turbo after 60.0 s", line(new EngineEvent.AttemptFinished(0, record(
                AttemptStep.GENERATE, ProviderId.A4F, "z-image-turbo", "a4f#1 …c3d4", AttemptOutcome.TIMEOUT, 0, null,
                60_000, null))));
    }

    @Test
    void tokenAndProviderStateChangesSayUntilWhen() {
        assertEquals("gitee#1 …a1b2 cooling until 2026-11-25 00:00 +08:00 (quota_exhausted)", line(
                new EngineEvent.TokenCooled(0, ProviderId.GITEE, "gitee#1 …a1b2", MIDNIGHT, FailureClass.QUOTA_EXHAUSTED)));
        assertEquals("gitee#2 …e5f6 marked invalid: token rejected (HTTP 401)", line(new EngineEvent.TokenInvalidated(
                0, ProviderId.GITEE, "gitee#2 …e5f6", "token rejected (HTTP 401)")));
        assertEquals("keyless marked down until 2026-11-25 00:00 +08:00 (3 failures in a row)", line(
                new EngineEvent.ProviderMarkedDown(0, null, MIDNIGHT, "3 failures in a row")));
    }

    @Test
    void aFinishedImageSaysWhereItWasSavedOrWhyItFailed() {
        assertEquals("saved " + Path.of("/lib/fox.png") + " (1024x576, seed 42)",
                line(new EngineEvent.ImageFinished(0, generated())));
        assertEquals("failed: quota_exhausted: Every usable token is cooling or invalid.", line(
                new EngineEvent.ImageFinished(0, new ImageResult.Failed(0, ErrorType.QUOTA_EXHAUSTED,
                        "Every usable token is cooling or invalid.", "fox", List.of(), 5))));
    }

    private static ImageResult.Generated generated() {
        AspectRatio wide = AspectRatio.fromLabel("16:9").orElseThrow();
        return new ImageResult.Generated(0, "id", "file:/lib/fox.png", ProviderId.HUGGINGFACE, "z-image-turbo", "fox",
                "fox", new GenerationSettings("fox", wide, new ImageSize(1024, 576), 42, 9, null, false),
                Path.of("/lib/fox.png"), List.of(), 1024, 576, List.of(), 5_600);
    }
}
