package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.provider.CallScope;
import java.time.Instant;

/// One attempt on its way: a request sent (or about to be) for a job. Confined to the dispatcher's thread,
/// except `scope`, which cancels the live call from there.
final class Flight {
    final Job job;
    final Candidate candidate;
    final CallScope scope;
    /// When it left, on the engine's timer.
    final Instant started;
    final SlotTable.Slot slot;
    /// The one same-token retry of an earlier attempt.
    final boolean retry;
    /// The job stopped waiting for it (cancelled, timed out, outrun by a hedge or stuck on a provider that
    /// went down); its attempt record is already written.
    boolean abandoned;
    /// The cancelled record written when it was abandoned (replaced if its answer still comes in time).
    AttemptRecord abandonRecord;

    Flight(Job job, Candidate candidate, CallScope scope, Instant started, SlotTable.Slot slot, boolean retry) {
        this.job = job;
        this.candidate = candidate;
        this.scope = scope;
        this.started = started;
        this.slot = slot;
        this.retry = retry;
    }

    Candidate candidate() {
        return candidate;
    }
}
