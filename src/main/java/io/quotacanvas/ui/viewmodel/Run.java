package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.provider.CallScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/// One run the studio sent to the engine: a batch from the create panel, or a comparison of several
/// (provider, model) pairs. It is one or more engine calls ("parts": a comparison sends one per pair, a
/// retry one per image), all cancelled together through the run's scope. Its images ([RunSlot]s) share the
/// run's library `runId`, so the gallery can show the run again later.
///
/// A run is queued until the engine takes up one of its images (the engine serves runs in the order they
/// came), running until every part returned, then done or cancelled. FX thread only.
public final class Run {
    public enum Kind { BATCH, COMPARE }

    public enum State { QUEUED, RUNNING, CANCELLING, DONE, CANCELLED }

    /// One engine call of the run and the slots its image indices map to.
    record Part(ImageRequest request, List<RunSlot> slots, CallScope scope) {}

    private final long number;
    private final String runId;
    private final Kind kind;
    private final ImageRequest request;
    private final List<RunSlot> slots = new ArrayList<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.QUEUED);
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private CallScope scope = new CallScope();
    private int partsInFlight;

    /// A batch of `request.count()` images (the request's own provider and model).
    Run(long number, String runId, ImageRequest request) {
        this(number, runId, Kind.BATCH, request);
        for (int i = 0; i < request.count(); i++) {
            slots.add(new RunSlot(this, i, request.provider(), request.model(), request));
        }
    }

    /// A comparison: one image of `template` per pair, all with the template's seed, each of exactly its pair's
    /// model (no fallback to another: a comparison shows what each model makes).
    Run(long number, String runId, ImageRequest template, List<Pair> pairs) {
        this(number, runId, Kind.COMPARE, template);
        for (Pair p : pairs) {
            slots.add(new RunSlot(this, slots.size(), p.provider(), p.model(),
                    template.withProvider(p.provider()).withModel(p.model()).withExactModel(true).withCount(1)));
        }
    }

    private Run(long number, String runId, Kind kind, ImageRequest request) {
        this.number = number;
        this.runId = runId;
        this.kind = kind;
        this.request = request;
    }

    /// A (provider, model) pair of a comparison.
    public record Pair(ProviderId provider, String model) {}

    public long number() { return number; }
    /// The id the run's images carry in the library.
    public String runId() { return runId; }
    public Kind kind() { return kind; }
    public String prompt() { return request.prompt(); }
    public ImageRequest request() { return request; }
    public List<RunSlot> slots() { return List.copyOf(slots); }
    public int total() { return slots.size(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public State state() { return state.get(); }
    /// Images finished (stored or failed) so far.
    public ReadOnlyIntegerProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    /// Images that failed (cancelled ones included).
    public ReadOnlyIntegerProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /// True while a part is with the engine.
    public boolean active() {
        return partsInFlight > 0;
    }

    /// True once no part is with the engine and every image is stored or failed (a made image is stored a
    /// moment after the engine reports it: until then its tile still runs).
    public boolean settled() {
        return !active() && slots.stream().allMatch(s -> s.tile().now() instanceof Tile.Stored
                || s.tile().now() instanceof Tile.Failed);
    }

    /// The slots that failed, in order (what "retry failed" sends again).
    public List<RunSlot> failedSlots() {
        return slots.stream().filter(RunSlot::failed).toList();
    }

    // ---- used by the queue

    /// The engine calls that make `which`: a batch's first submission is one call for every image; any
    /// other (a comparison, a retry, a rerun) is one call per slot with the slot's own request and seed.
    List<Part> parts(List<RunSlot> which, boolean first) {
        if (!which.isEmpty() && scope.isCancelled()) {
            scope = new CallScope();   // a cancelled scope stays cancelled; a retry needs a fresh one
        }
        List<Part> parts = new ArrayList<>();
        if (first && kind == Kind.BATCH) {
            parts.add(new Part(request, List.copyOf(which), scope.child()));
        } else {
            for (RunSlot s : which) {
                parts.add(new Part(first ? s.request() : s.retryRequest(), List.of(s), scope.child()));
            }
        }
        return parts;
    }

    void submitted(List<Part> parts, List<RunSlot> which) {
        if (partsInFlight == 0) {
            state.set(State.QUEUED);
        }
        partsInFlight += parts.size();
        for (RunSlot s : which) {
            if (s.finished()) {
                finished.set(finished.get() - 1);
                failed.set(failed.get() - (s.failed() ? 1 : 0));
            }
            s.reset();
        }
    }

    /// Cancels every part in flight at once; images already stored stay.
    void cancel() {
        if (active()) {
            state.set(State.CANCELLING);
            scope.cancel("Cancelled.");
        }
    }

    void partDone(Part part) {
        scope.release(part.scope());
        partsInFlight--;
        for (RunSlot s : part.slots()) {
            if (!s.finished()) {
                // the call ended without a word about this image (a bug, or cancelled before it began)
                String type = part.scope().isCancelled() ? "cancelled" : "internal_error";
                imageFinished(s, new ImageResult.Failed(s.index(), null, "", request.prompt(), List.of(), 0), type,
                        part.scope().isCancelled() ? "Cancelled." : "The engine ended without this image.");
            }
        }
        if (partsInFlight == 0) {
            state.set(state.get() == State.CANCELLING || scope.isCancelled() ? State.CANCELLED : State.DONE);
        }
    }

    /// Records an event in its slot; returns the step text for the slot's tile, or null if unchanged.
    String apply(Part part, EngineEvent event, Instant now) {
        if (event instanceof EngineEvent.CandidateSkipped k && k.imageIndex() < 0) {
            // what the plan left out is announced once per call; every image's chain lists it, as stored ones do
            part.slots().forEach(s -> s.chain().add(ChainRow.of(k.skip())));
            return null;
        }
        if (event.imageIndex() < 0 || event.imageIndex() >= part.slots().size()) {
            return null;
        }
        RunSlot slot = part.slots().get(event.imageIndex());
        ObservableList<ChainRow> chain = slot.chain();
        return switch (event) {
            case EngineEvent.ImageStarted s -> {
                slot.started(s.seed());
                yield null;
            }
            case EngineEvent.AttemptStarted s -> {
                slot.attemptStarted(now);
                if (state.get() == State.QUEUED) {
                    state.set(State.RUNNING);
                }
                chain.add(ChainRow.running(s.step().wireName(), s.provider(), s.model(), s.tokenLabel()));
                yield s.provider().wireName() + " · " + s.model() + (s.tokenLabel() == null ? "" : " · " + s.tokenLabel());
            }
            case EngineEvent.AttemptFinished f -> {
                finish(chain, ChainRow.of(f.attempt()));
                yield null;
            }
            case EngineEvent.CandidateSkipped k -> {
                chain.add(ChainRow.of(k.skip()));
                yield null;
            }
            default -> null;
        };
    }

    /// The slot of `part` for an engine image index.
    RunSlot slot(Part part, int imageIndex) {
        return part.slots().get(Math.clamp(imageIndex, 0, part.slots().size() - 1));
    }

    /// Counts a finished image; a failed one's tile shows `errorType` and `message`.
    void imageFinished(RunSlot slot, ImageResult result, String errorType, String message) {
        if (slot.finished()) {
            return;
        }
        slot.finish(result);
        slot.chain().replaceAll(r -> r.kind() == ChainRow.Kind.RUNNING ? r.cancelled() : r);
        finished.set(finished.get() + 1);
        if (result instanceof ImageResult.Failed) {
            failed.set(failed.get() + 1);
            slot.tile().set(new Tile.Failed(number, slot.index(), errorType, message));
        }
    }

    private static void finish(ObservableList<ChainRow> chain, ChainRow done) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (done.finishes(chain.get(i))) {
                chain.set(i, done);
                return;
            }
        }
        chain.add(done);
    }

    @Override
    public String toString() {
        return "Run[" + number + " " + kind + " " + state.get() + " " + finished.get() + "/" + total() + "]";
    }
}
