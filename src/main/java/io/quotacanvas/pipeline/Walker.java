package io.quotacanvas.pipeline;

import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.token.TokenState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/// Picks a job's next candidate: its lanes in order, on each the first model it hasn't used up, on that
/// model its untried tokens that the ledger calls ready. The first of those with a free slot goes; a lane
/// whose ready tokens are all busy is passed for the next one (work-conserving), and the job waits only
/// when every lane left is busy. What is passed over for good is recorded once as a skip.
/// Confined to the dispatcher's thread.
final class Walker {
    private final SlotTable slots;
    private final Verdicts verdicts;

    Walker(SlotTable slots, Verdicts verdicts) {
        this.slots = slots;
        this.verdicts = verdicts;
    }

    sealed interface Selection {}

    /// Go with `candidate` on the `slot` just taken for it.
    record Go(Candidate candidate, SlotTable.Slot slot) implements Selection {}

    record Wait() implements Selection {}

    record Exhausted() implements Selection {}

    private static final Selection WAIT = new Wait();
    private static final Selection EXHAUSTED = new Exhausted();

    static String fingerprint(Token token) {
        return token == null ? null : token.fingerprint();
    }

    /// The job's next candidate, skipping the lanes in `excluded` (a hedge goes to another provider).
    Selection select(Job job, LedgerView view, Set<Integer> excluded) {
        boolean busy = false;
        for (int i = 0; i < job.lanes.size(); i++) {
            if (job.lanesDone.contains(i) || excluded.contains(i)) {
                continue;
            }
            Lane lane = job.lanes.get(i);
            Optional<Instant> down = verdicts.downUntil(lane, job.kind, view.now());
            if (down.isPresent()) {
                job.skip(lane, lane.models().getFirst().canonical(), null, "provider down after repeated failures",
                        down.get());
                job.lanesDone.add(i);
                continue;
            }
            Selection s = selectOnLane(job, view, i, lane);
            if (s instanceof Go) {
                return s;
            }
            busy |= s instanceof Wait;
        }
        return busy ? WAIT : EXHAUSTED;
    }

    private Selection selectOnLane(Job job, LedgerView view, int laneIndex, Lane lane) {
        for (ModelCandidate model : lane.models()) {
            String modelKey = laneIndex + "|" + model.canonical();
            if (job.modelsDone.contains(modelKey)) {
                continue;
            }
            if (!lane.keyless()) {
                Optional<Instant> unavailable = view.modelUnavailableUntil(lane.provider(), model.canonical());
                if (unavailable.isPresent()) {
                    job.skip(lane, model.canonical(), null, "model unavailable on this provider", unavailable.get());
                    job.modelsDone.add(modelKey);
                    continue;
                }
            }
            List<Token> ready = readyTokens(job, view, laneIndex, lane, model);
            if (ready.isEmpty()) {
                job.modelsDone.add(modelKey);
                continue;
            }
            for (Token t : ready) {
                SlotTable.Slot slot = slots.tryTake(t, fingerprint(t), view.now());
                if (slot != null) {
                    return new Go(new Candidate(laneIndex, lane, model, t), slot);
                }
            }
            return WAIT; // this lane's model has ready tokens, all busy: a later lane may have a free slot
        }
        job.lanesDone.add(laneIndex);
        return EXHAUSTED;
    }

    /// The lane's untried tokens for `model` that the ledger calls ready, in the job's rotation, the
    /// anonymous pseudo-token last; a lone null stands for the keyless endpoint's slot.
    private List<Token> readyTokens(Job job, LedgerView view, int laneIndex, Lane lane, ModelCandidate model) {
        List<Token> ready = new ArrayList<>();
        if (lane.keyless()) {
            if (!job.tried.contains(new Candidate(laneIndex, lane, model, null).triedKey())) {
                ready.add(null);
            }
            return ready;
        }
        Token anonymous = null;
        for (Token t : lane.tokens()) {
            if (job.tried.contains(new Candidate(laneIndex, lane, model, t).triedKey())) {
                continue;
            }
            TokenState state = view.state(t, model.canonical());
            switch (state) {
                case TokenState.Ready r -> {
                    if (t.isAnonymous()) {
                        anonymous = t;
                    } else {
                        ready.add(t);
                    }
                }
                case TokenState.Cooling c -> job.skip(lane, model.canonical(), t.label(),
                        "cooling (" + c.reason().wireName() + ")", c.until());
                case TokenState.Invalid inv -> job.skip(lane, model.canonical(), t.label(),
                        "invalid: " + inv.message(), null);
            }
        }
        if (anonymous != null) {
            ready.add(anonymous);
        }
        return ready;
    }
}
