package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;

/// Every decision the engine makes, in the order it makes them. The CLI prints them as progress on
/// stderr; the desktop studio shows them live. Token labels are always masked.
///
/// `imageIndex` is the 0-based index in the batch, or -1 for batch-wide events.
public sealed interface EngineEvent {

    int imageIndex();

    record BatchStarted(int imageIndex, int count, Instant at) implements EngineEvent {}

    /// An image of the batch begins; `seed` is the seed it will use.
    record ImageStarted(int imageIndex, long seed) implements EngineEvent {}

    /// A request is about to go out.
    record AttemptStarted(int imageIndex, AttemptStep step, ProviderId provider, String model, String tokenLabel)
            implements EngineEvent {}

    record AttemptFinished(int imageIndex, AttemptRecord attempt) implements EngineEvent {}

    /// A provider, model or token was passed over without a request; the record says why.
    record CandidateSkipped(int imageIndex, AttemptRecord skip) implements EngineEvent {}

    record TokenCooled(int imageIndex, ProviderId provider, String tokenLabel, Instant until, FailureClass reason)
            implements EngineEvent {}

    record TokenInvalidated(int imageIndex, ProviderId provider, String tokenLabel, String message)
            implements EngineEvent {}

    /// A provider kept failing and is skipped until `until`; calls in flight to it are cancelled.
    record ProviderMarkedDown(int imageIndex, ProviderId provider, Instant until, String reason)
            implements EngineEvent {}

    record ImageFinished(int imageIndex, ImageResult result) implements EngineEvent {}

    record BatchFinished(int imageIndex, BatchResult result) implements EngineEvent {}
}
