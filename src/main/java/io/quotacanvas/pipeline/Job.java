package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.CallScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// One unit of work for the dispatcher: an image, or a prompt step for a text model. It walks its lanes in
/// order (next token → next model → next lane) under hard caps on attempts and time, and keeps its chain of
/// attempt records. The walk state is confined to the dispatcher's thread; `send` and the finishing work
/// run on worker threads.
abstract sealed class Job permits ImageWork, TextWork {
    final long seq;
    /// The image's index in its batch, or -1 for prompt work (announced batch-wide).
    final int index;
    final CallKind kind;
    final List<Lane> lanes;
    final int maxAttempts;
    /// The job's time limit, counted from its first attempt.
    final Duration timeout;
    final CallScope scope;
    final EngineListener listener;

    Instant deadline;
    int attempts;
    final List<AttemptRecord> chain = new ArrayList<>();
    final Set<String> reported = new HashSet<>();
    final Set<String> tried = new HashSet<>();
    final Set<Integer> lanesDone = new HashSet<>();
    final Set<String> modelsDone = new HashSet<>();
    final List<Flight> flights = new ArrayList<>();
    /// A same-token retry waiting for its pause: the failed attempt's slot is still held.
    Flight pinned;
    Instant pinnedUntil;
    Outcome.Failure pinnedFailure;
    Outcome.Failure lastFailure;
    boolean done;

    Job(long seq, int index, CallKind kind, List<Lane> lanes, int maxAttempts, Duration timeout, CallScope scope,
        EngineListener listener) {
        this.seq = seq;
        this.index = index;
        this.kind = kind;
        this.lanes = lanes;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        this.scope = scope;
        this.listener = listener;
    }

    /// The `step` of this job's attempt records.
    abstract AttemptStep step();

    /// Sends one request. Worker thread; never throws for provider trouble.
    abstract Reply send(Candidate candidate, Instant deadline, CallScope callScope);

    /// The job won with `answer`; `chain` is final. Finishing work (storing an image) may block, so it runs
    /// on `workers`.
    abstract void succeed(Candidate candidate, Reply.Answer answer, List<AttemptRecord> chain,
                          java.util.concurrent.Executor workers);

    /// An answer that came after the job was decided (a hedge that lost the race, a call that finished while
    /// it was being cancelled). Whatever it holds that cost quota is kept, never thrown away silently.
    abstract void lateAnswer(Candidate candidate, Reply.Answer answer, java.util.concurrent.Executor workers);

    /// The job ended without an answer.
    abstract void fail(ErrorType type, String message, List<AttemptRecord> chain);

    boolean started() {
        return deadline != null;
    }

    boolean attemptsLeft() {
        return attempts < maxAttempts;
    }

    void emit(EngineEvent event) {
        EngineListener.safely(listener, event);
    }

    /// Adds a finished attempt to the chain and announces it.
    void record(AttemptRecord r) {
        chain.add(r);
        emit(r.skipped() ? new EngineEvent.CandidateSkipped(index, r) : new EngineEvent.AttemptFinished(index, r));
    }

    /// Records a candidate passed over, once per job and reason.
    void skip(Lane lane, String model, String tokenLabel, String reason, Instant until) {
        if (reported.add(lane.name() + "|" + model + "|" + tokenLabel + "|" + reason)) {
            // a prompt step's skips keep its step, so they read "optimize gitee/…: skipped"
            AttemptStep skipStep = step().isPromptWork() ? step() : AttemptStep.SKIP;
            record(new AttemptRecord(skipStep, lane.provider(), model, tokenLabel, AttemptOutcome.SKIPPED, 0, reason,
                    0, until));
        }
    }

    AttemptRecord attempt(Candidate c, AttemptOutcome outcome, int status, String message, long elapsedMs,
                          Instant coolingUntil) {
        return new AttemptRecord(step(), c.lane().provider(), c.model().canonical(), c.tokenLabel(), outcome, status,
                message, elapsedMs, coolingUntil);
    }
}
