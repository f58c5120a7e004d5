package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.CallScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/// The running state of one image: its chain so far, its caps and its cancellation scope.
/// Confined to the image's own thread (events go out through the listener, which is thread-safe).
final class JobState {
    private final int index;
    private final String promptFinal;
    private final Instant deadline;
    private final int maxAttempts;
    private final CallScope scope;
    private final EngineListener listener;
    private final List<AttemptRecord> attempts = new ArrayList<>();
    private int attemptCount;

    JobState(int index, String promptFinal, Instant deadline, int maxAttempts, CallScope scope,
             EngineListener listener) {
        this.index = index;
        this.promptFinal = promptFinal;
        this.deadline = deadline;
        this.maxAttempts = maxAttempts;
        this.scope = scope;
        this.listener = listener;
    }

    int index() {
        return index;
    }

    /// The prompt actually sent (after optimisation/translation).
    String promptFinal() {
        return promptFinal;
    }

    /// The latest instant (on the engine's real timer) this image may run to.
    Instant deadline() {
        return deadline;
    }

    CallScope scope() {
        return scope;
    }

    List<AttemptRecord> attempts() {
        return List.copyOf(attempts);
    }

    void countAttempt() {
        attemptCount++;
    }

    boolean attemptsLeft() {
        return attemptCount < maxAttempts;
    }

    boolean timeLeft(Instant now) {
        return now.isBefore(deadline);
    }

    boolean mayAttemptAgain(Instant now) {
        return attemptsLeft() && timeLeft(now) && !scope.isCancelled();
    }

    void emit(EngineEvent event) {
        EngineListener.safely(listener, event);
    }

    /// Adds a record to the chain without an event (prompt attempts and plan skips announced elsewhere).
    void add(AttemptRecord record) {
        attempts.add(record);
    }

    /// Records a finished attempt and announces it.
    AttemptRecord record(ProviderId provider, String model, Token token, AttemptRunner.Run run, Instant coolingUntil) {
        AttemptRecord r = AttemptRunner.toRecord(run, provider, model, token, coolingUntil);
        attempts.add(r);
        emit(new EngineEvent.AttemptFinished(index, r));
        return r;
    }

    /// Records a candidate passed over and announces it.
    void skip(ProviderId provider, String model, Token token, String reason, Instant until) {
        AttemptRecord r = new AttemptRecord(AttemptStep.SKIP, provider, model, token == null ? null : token.label(),
                AttemptOutcome.SKIPPED, 0, reason, 0, until);
        attempts.add(r);
        emit(new EngineEvent.CandidateSkipped(index, r));
    }
}
