package io.quotacanvas.pipeline;

import io.quotacanvas.config.RoutingConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.storage.StorageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/// The work-conserving heart of the engine: one queue of jobs (images and prompt steps of every run, in
/// the order they came) and the slots they share. Whenever something changes, each waiting job in turn
/// takes the first free slot its walk allows — provider order and token rotation are preferences among free
/// slots, never a reason to wait while a usable slot idles — and each finished attempt is turned into its
/// consequences ([Verdicts]).
///
/// A pure state machine driven from one thread: [EngineLoop] in production, a virtual-time loop in tests.
/// `now` dates what the ledger remembers; `tick` is the timer that deadlines, pauses and hedges run on.
final class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /// How often a job waiting for a token held by another process looks again.
    static final Duration LEASE_POLL = Duration.ofMillis(250);
    /// How much later than the job's deadline an adapter without its own per-call limit gives up: the
    /// dispatcher cuts the call first, so it reads as ours.
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(2);
    /// Calls that have waited within this of a hung call's wait are as stuck as it was.
    private static final Duration STUCK_MARGIN = Duration.ofSeconds(1);

    private final RoutingConfig routing;
    private final SlotTable slots;
    private final Verdicts verdicts;
    private final Walker walker;
    private final Executor workers;
    private final List<Job> active = new ArrayList<>();
    private boolean refusedElsewhere;

    /// A request to send: the loop runs `flight.job().send(…)` with `deadline` and reports back.
    record Launch(Flight flight, Instant deadline) {}

    Dispatcher(RoutingConfig routing, Verdicts verdicts, Walker walker, SlotTable slots, Executor workers) {
        this.routing = routing;
        this.verdicts = verdicts;
        this.walker = walker;
        this.slots = slots;
        this.workers = workers;
    }

    void submit(Job job, Instant tick) {
        active.add(job);
        if (job instanceof TextWork) {
            job.deadline = tick.plus(job.timeout); // prompt work is due from the moment it is asked for
        }
    }

    /// Applies timers and cancellations, then hands free slots to waiting jobs. Returns the requests to send.
    List<Launch> poll(Instant now, Instant tick) {
        List<Launch> launches = new ArrayList<>();
        try {
            slots.heartbeat(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the ledger missed a lease heartbeat; leases left to expire run out after "
                    + SlotTable.LEASE_TTL.toSeconds() + " s", e);
        }
        LedgerView view = verdicts.view(now);
        StorageException down = null;
        for (Job job : List.copyOf(active)) {
            if (job.done) {
                continue;
            }
            try {
                if (down != null && job.flights.isEmpty() && job.pinned == null) {
                    // the ledger failed for an earlier job of this pass: the next read would wait as long again
                    throw down;
                }
                step(job, view, now, tick, launches);
            } catch (StorageException e) {
                down = e;
                finish(job, ErrorType.STORAGE_ERROR, e.getMessage(), tick);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "dispatcher bug while scheduling a job", e);
                finish(job, ErrorType.INTERNAL_ERROR, "Internal error while scheduling (" + e.getClass().getSimpleName()
                        + "); details are in the log.", tick);
            }
        }
        active.removeIf(j -> j.done);
        refusedElsewhere = slots.endPass();
        return launches;
    }

    private void step(Job job, LedgerView view, Instant now, Instant tick, List<Launch> launches) {
        if (job.scope.isCancelled()) {
            finish(job, ErrorType.CANCELLED, Failures.cancelledMessage(job.scope.cancelReason()), tick);
            return;
        }
        if (job.started() && !tick.isBefore(job.deadline)) {
            finish(job, ErrorType.TIMEOUT, Failures.timedOutMessage(job), tick);
            return;
        }
        if (job.pinned != null) {
            stepPinned(job, now, tick, launches);
            return;
        }
        if (job.flights.isEmpty()) {
            stepIdle(job, view, tick, launches);
        } else if (mayHedge(job, tick)) {
            Flight running = job.flights.getFirst();
            if (walker.select(job, view, Set.of(running.candidate().laneIndex())) instanceof Walker.Go go) {
                launch(job, go.candidate(), tick, go.slot(), false, launches);
            }
        }
    }

    private void stepIdle(Job job, LedgerView view, Instant tick, List<Launch> launches) {
        if (!job.attemptsLeft()) {
            finish(job, ErrorType.ATTEMPTS_EXHAUSTED, Failures.cappedMessage(job.lastFailure), tick);
            return;
        }
        if (job.started() && !hasTimeFor(job, tick)) {
            finish(job, ErrorType.TIMEOUT, Failures.timedOutMessage(job), tick);
            return;
        }
        switch (walker.select(job, view, Set.of())) {
            case Walker.Go go -> launch(job, go.candidate(), tick, go.slot(), false, launches);
            case Walker.Wait w -> { }
            case Walker.Exhausted x -> {
                Failures.Verdict v = Failures.exhausted(job.chain, job.lastFailure);
                finish(job, v.type(), v.message(), tick);
            }
        }
    }

    /// The same-token retry after its pause, unless the provider went down meanwhile or the caps ran out:
    /// then the first failure stands and counts against the provider.
    private void stepPinned(Job job, Instant now, Instant tick, List<Launch> launches) {
        if (tick.isBefore(job.pinnedUntil)) {
            return;
        }
        Flight first = job.pinned;
        Outcome.Failure failure = job.pinnedFailure;
        job.pinned = null;
        job.pinnedFailure = null;
        if (verdicts.isDown(first.candidate(), job.kind, now) || !job.attemptsLeft() || !hasTimeFor(job, tick)) {
            slots.release(first.slot);
            providerFailed(first, failure, 0, false, now, tick);
            return;
        }
        launch(job, first.candidate(), tick, first.slot, true, launches);
    }

    private boolean mayHedge(Job job, Instant tick) {
        if (!routing.hedging() || job.flights.size() != 1 || !job.attemptsLeft() || !slots.hasRoom()) {
            return false;
        }
        Flight running = job.flights.getFirst();
        return !tick.isBefore(running.started.plus(routing.hedgeAfter())) && hasTimeFor(job, tick);
    }

    /// Whether the job has at least the floor left (a quarter of its time limit at most, so a short limit
    /// still gets its attempts).
    private boolean hasTimeFor(Job job, Instant tick) {
        Duration floor = routing.minAttemptTime() == null ? Duration.ZERO : routing.minAttemptTime();
        Duration quarter = job.timeout.dividedBy(4);
        Duration needed = floor.compareTo(quarter) < 0 ? floor : quarter;
        return !tick.plus(needed).isAfter(job.deadline);
    }

    private void launch(Job job, Candidate c, Instant tick, SlotTable.Slot slot, boolean retry,
                        List<Launch> launches) {
        if (!job.started()) {
            job.deadline = tick.plus(job.timeout);
        }
        job.attempts++;
        job.tried.add(c.triedKey());
        CallScope scope = job.scope.child();
        Flight flight = new Flight(job, c, scope, tick, slot, retry);
        job.flights.add(flight);
        job.emit(new EngineEvent.AttemptStarted(job.index, job.step(), c.lane().provider(), c.model().canonical(),
                c.tokenLabel()));
        Duration overall = c.lane().config() == null || c.lane().config().timeouts() == null ? null
                : c.lane().config().timeouts().overall();
        // the provider's own per-call limit goes to the adapter; the job's deadline is enforced here (a little
        // before the adapter's, when the provider sets none), so an attempt cut short by it is recorded as
        // cancelled, not as the provider's timeout
        Instant deadline = overall == null || overall.isZero() ? job.deadline.plus(DEADLINE_GRACE)
                : tick.plus(overall);
        launches.add(new Launch(flight, deadline));
    }

    /// An attempt came back. `elapsedMs` is what the call took.
    void complete(Flight flight, Reply reply, long elapsedMs, Instant now, Instant tick) {
        Job job = flight.job;
        job.flights.remove(flight);
        job.scope.release(flight.scope);
        boolean keepSlot = false;
        try {
            if (flight.abandoned) {
                if (reply instanceof Reply.Answer a) {
                    revive(flight, a, elapsedMs, now, tick);
                }
                return;
            }
            if (reply instanceof Reply.Answer a) {
                won(flight, a, elapsedMs, now, tick);
                return;
            }
            Outcome.Failure failure = reply instanceof Reply.Failed f ? f.failure() : ((Reply.Unusable) reply).failure();
            if (flight.scope.isCancelled() || failure instanceof Outcome.NetworkError n && n.isCancellation()) {
                String reason = flight.scope.isCancelled() ? flight.scope.cancelReason() : failure.message();
                job.record(job.attempt(flight.candidate(), AttemptOutcome.CANCELLED, 0, reason, elapsedMs, null));
                job.lanesDone.add(flight.candidate().laneIndex());
                return;
            }
            if (job.started() && !tick.isBefore(job.deadline)) {
                // whatever the call came to, the job's own time ran out while it was in flight: ours, not the
                // provider's
                job.record(job.attempt(flight.candidate(), AttemptOutcome.CANCELLED, 0, timeLimitReason(job),
                        elapsedMs, null));
                finish(job, ErrorType.TIMEOUT, Failures.timedOutMessage(job), tick);
                return;
            }
            if (reply instanceof Reply.Unusable) {
                // an answer we can't use, or a bug of ours: the next lane, without a retry or blaming the provider
                job.lastFailure = failure;
                job.record(job.attempt(flight.candidate(), AttemptOutcome.of(failure.failureClass()),
                        failure.httpStatus(), failure.message(), elapsedMs, null));
                job.lanesDone.add(flight.candidate().laneIndex());
                return;
            }
            keepSlot = failed(flight, failure, elapsedMs, now, tick);
        } finally {
            if (!keepSlot) {
                slots.release(flight.slot);
            }
        }
    }

    /// An answer from a call the job had stopped waiting for. While the job is undecided (the call was given
    /// up on a provider that went down) it is the job's answer, in place of the call's cancelled record;
    /// after, it is kept as a late answer.
    private void revive(Flight flight, Reply.Answer answer, long elapsedMs, Instant now, Instant tick) {
        Job job = flight.job;
        if (job.done) {
            late(flight, answer, elapsedMs);
            return;
        }
        job.chain.remove(flight.abandonRecord);
        won(flight, answer, elapsedMs, now, tick);
    }

    private void won(Flight flight, Reply.Answer answer, long elapsedMs, Instant now, Instant tick) {
        Job job = flight.job;
        if (job.done) {
            late(flight, answer, elapsedMs);
            return;
        }
        job.record(job.attempt(flight.candidate(), AttemptOutcome.SUCCESS, answer.httpStatus(), "ok", elapsedMs, null));
        verdicts.succeeded(flight, answer, now);
        decide(job, "another attempt for this " + noun(job) + " answered first", tick);
        job.succeed(flight.candidate(), answer, List.copyOf(job.chain), workers);
    }

    private void late(Flight flight, Reply.Answer answer, long elapsedMs) {
        LOG.info(() -> "an answer from " + flight.candidate().lane().name() + " came after its " + noun(flight.job)
                + " was decided (" + elapsedMs + " ms); it is kept");
        flight.job.lateAnswer(flight.candidate(), answer, workers);
    }

    /// Applies a failure; returns true when the attempt's slot stays held for a same-token retry.
    private boolean failed(Flight flight, Outcome.Failure failure, long elapsedMs, Instant now, Instant tick) {
        Job job = flight.job;
        job.lastFailure = failure;
        Verdicts.Next next = verdicts.failed(flight, failure, elapsedMs, now);
        switch (next) {
            case NEXT_TOKEN -> { }
            case NEXT_MODEL -> job.modelsDone.add(flight.candidate().laneIndex() + "|"
                    + flight.candidate().model().canonical());
            case NEXT_LANE -> job.lanesDone.add(flight.candidate().laneIndex());
            case STOP -> finish(job, ErrorType.of(failure.failureClass()), Failures.rejectedMessage(failure), tick);
            case RETRY_SAME_TOKEN -> {
                // one pinned retry at a time: a second quick failure (of a hedge) counts against the provider
                if (job.pinned == null && !flight.retry && job.attemptsLeft() && hasTimeFor(job, tick)) {
                    job.pinned = flight;
                    job.pinnedUntil = tick.plus(RETRY_PAUSE);
                    job.pinnedFailure = failure;
                    return true;
                }
                providerFailed(flight, failure, elapsedMs, false, now, tick);
            }
            case PROVIDER_DOWN -> providerFailed(flight, failure, elapsedMs, true, now, tick);
        }
        return false;
    }

    /// The provider kept failing: it rests and the job moves to its next lane. When it failed by hanging
    /// (`stuck`: a timeout, or a connection dropped after a long wait), its other calls that have waited about
    /// as long (at least `routing.hang_after`) are equally stuck: they are cancelled so their jobs move on too.
    private void providerFailed(Flight flight, Outcome.Failure failure, long elapsedMs, boolean stuck, Instant now,
                                Instant tick) {
        Candidate c = flight.candidate();
        flight.job.lanesDone.add(c.laneIndex());
        String reason = failure.failureClass().wireName() + ": " + failure.message();
        verdicts.markDown(flight, reason, now);
        if (!stuck) {
            return;
        }
        Duration waited = Duration.ofMillis(elapsedMs).minus(STUCK_MARGIN);
        Duration threshold = waited.compareTo(routing.hangAfter()) > 0 ? waited : routing.hangAfter();
        for (Job other : active) {
            for (Flight f : List.copyOf(other.flights)) {
                boolean sameProvider = f.candidate().lane().provider() == c.lane().provider()
                        && other.kind == flight.job.kind;
                if (sameProvider && !tick.isBefore(f.started.plus(threshold))) {
                    abandon(f, c.lane().name() + " was marked down (" + failure.failureClass().wireName()
                            + ") while this call had waited " + Duration.between(f.started, tick).toSeconds() + " s",
                            tick);
                    other.lanesDone.add(f.candidate().laneIndex());
                }
            }
        }
    }

    /// Ends a job without an answer: its calls in flight are cancelled and recorded, a held retry slot freed.
    private void finish(Job job, ErrorType type, String message, Instant tick) {
        if (job.done) {
            return;
        }
        decide(job, type == ErrorType.TIMEOUT ? timeLimitReason(job) : message, tick);
        job.fail(type, message, List.copyOf(job.chain));
    }

    /// The job is decided (won or ended): the calls it no longer waits for are cancelled with `reason`, and
    /// the slot held for a same-token retry comes back.
    private void decide(Job job, String reason, Instant tick) {
        for (Flight f : List.copyOf(job.flights)) {
            abandon(f, reason, tick);
        }
        if (job.pinned != null) {
            slots.release(job.pinned.slot);
            job.pinned = null;
            job.pinnedFailure = null;
        }
        job.done = true;
    }

    private static String timeLimitReason(Job job) {
        return "the " + noun(job) + "'s time limit of " + job.timeout.toSeconds() + " s ran out";
    }

    /// Every job still active ends cancelled with `reason` and every slot comes back (the engine is closing;
    /// the loop has stopped, so this runs on the closing thread).
    void closeAll(String reason, Instant tick) {
        for (Job job : List.copyOf(active)) {
            finish(job, ErrorType.CANCELLED, Failures.cancelledMessage(reason), tick);
        }
        active.clear();
        slots.releaseAll();
    }

    /// Stops waiting for a call: its record is written now (cancelled, with the time it had taken), the live
    /// call is cancelled, and its slot comes back when the call returns.
    private void abandon(Flight f, String reason, Instant tick) {
        f.abandoned = true;
        f.job.flights.remove(f);
        f.abandonRecord = f.job.attempt(f.candidate(), AttemptOutcome.CANCELLED, 0, reason,
                Duration.between(f.started, tick).toMillis(), null);
        f.job.record(f.abandonRecord);
        f.scope.cancel(reason);
    }

    /// The earliest instant (on the timer) something is due without an outside event, or null.
    Instant nextWakeup(Instant tick) {
        // a token another process holds frees up without an event here: look again soon
        Instant next = refusedElsewhere ? tick.plus(LEASE_POLL) : null;
        for (Job job : active) {
            if (job.done) {
                continue;
            }
            next = earliest(next, job.pinned != null ? job.pinnedUntil : null);
            next = earliest(next, job.deadline);
            if (routing.hedging() && job.flights.size() == 1) {
                Instant hedge = job.flights.getFirst().started.plus(routing.hedgeAfter());
                next = earliest(next, hedge.isAfter(tick) ? hedge : null);
            }
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    boolean idle() {
        return active.isEmpty();
    }

    int inFlight() {
        return slots.inFlight();
    }

    private static String noun(Job job) {
        return job instanceof ImageWork ? "image" : "prompt step";
    }
}
