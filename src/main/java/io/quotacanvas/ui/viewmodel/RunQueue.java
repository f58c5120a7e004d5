package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.StudioServices;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The studio's queue: every run (batches and comparisons) in the order it was submitted, each sent to
/// the engine at once on its own background task. The engine keeps one FIFO queue of every run's images
/// and shares its slots between them, so a run submitted later gets slots after earlier runs' images; this
/// class only follows runs (states, progress, chains), cancels one, and retries failed images. Stored
/// images carry their run's id (the engine writes it when it stores them). FX thread only.
public final class RunQueue {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /// What the rest of the studio hears from the queue. Called on the FX thread; must not throw.
    public interface Listener {
        /// Slots of `run` were (re)submitted: their tiles are queued now.
        default void slotsSubmitted(Run run, List<RunSlot> slots) { }

        /// A slot's image is stored (and tagged with its run).
        default void imageStored(Run run, RunSlot slot, StoredImage image) { }

        /// A run has no part with the engine any more.
        default void runEnded(Run run) { }

        /// Something that changes token states happened (the status bar refreshes).
        default void tokensChanged() { }
    }

    private final StudioServices services;
    private final TaskService tasks;
    private final Clock clock;
    private final Consumer<Throwable> errors;
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<Run> readOnlyRuns = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    // counts runs ending, so that "clear finished" follows them without the list itself changing
    private final javafx.beans.property.ReadOnlyIntegerWrapper ended = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final BooleanBinding hasFinished = Bindings.createBooleanBinding(
            () -> runs.stream().anyMatch(r -> !r.active()), runs, ended);
    private final List<Listener> listeners = new ArrayList<>();
    private final List<Runnable> whenIdle = new ArrayList<>();
    private long nextNumber = 1;

    public RunQueue(StudioServices services, TaskService tasks, Consumer<Throwable> errors) {
        this.services = services;
        this.tasks = tasks;
        this.clock = services.clock();
        this.errors = errors;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /// Every run still listed, oldest first.
    public ObservableList<Run> runs() { return readOnlyRuns; }
    /// True while any run has a part with the engine.
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /// True while a finished run can be cleared from the list.
    public BooleanBinding hasFinished() { return hasFinished; }

    /// Queues a batch of `request.count()` images.
    public Run submitBatch(ImageRequest request) {
        Run run = new Run(nextNumber++, newRunId("batch"), request);
        return start(run);
    }

    /// Queues a comparison: one image of `template` per pair, all with one seed (the template's, or one
    /// chosen now), so the pairs are compared on the same footing.
    public Run submitCompare(ImageRequest template, List<Run.Pair> pairs) {
        ImageRequest fixed = template.seed() != null ? template
                : template.withSeed(ThreadLocalRandom.current().nextLong(0, Integer.MAX_VALUE));
        Run run = new Run(nextNumber++, newRunId("compare"), fixed.withCount(1), pairs);
        return start(run);
    }

    private Run start(Run run) {
        runs.add(run);
        send(run, run.slots(), true);
        return run;
    }

    /// Cancels one run at once; other runs go on.
    public void cancel(Run run) {
        run.cancel();
    }

    /// Cancels every run in flight.
    public void cancelAll() {
        List.copyOf(runs).forEach(Run::cancel);
    }

    /// Sends a finished run's failed images again (each with its own seed); does nothing while it runs.
    public void retryFailed(Run run) {
        if (!run.active() && !run.failedSlots().isEmpty()) {
            send(run, run.failedSlots(), false);
        }
    }

    /// Makes one finished image of a run again (a failed tile's Retry, a comparison cell's Rerun).
    public void rerun(RunSlot slot) {
        if (slot.finished()) {
            send(slot.run(), List.of(slot), false);
        }
    }

    /// Drops finished runs from the list (their images stay in the library).
    public void clearFinished() {
        runs.removeIf(r -> !r.active());
    }

    /// The slot a live tile belongs to, if its run is still listed.
    public Optional<RunSlot> slotOf(Tile tile) {
        if (tile == null) {
            return Optional.empty();
        }
        String key = tile instanceof Tile.Live ? tile.key() : switch (tile) {
            case Tile.Running r -> r.key();
            case Tile.Failed f -> f.key();
            default -> null;
        };
        if (key == null) {
            return Optional.empty();
        }
        for (Run run : runs) {
            for (RunSlot s : run.slots()) {
                if (s.tile().key().equals(key)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /// Runs `action` once no run is with the engine (at once if none is).
    public void whenIdle(Runnable action) {
        if (busy.get()) {
            whenIdle.add(action);
        } else {
            action.run();
        }
    }

    private void send(Run run, List<RunSlot> slots, boolean first) {
        List<Run.Part> parts = run.parts(slots, first);
        run.submitted(parts, slots);
        busy.set(true);
        listeners.forEach(l -> l.slotsSubmitted(run, slots));
        for (Run.Part part : parts) {
            tasks.submit("run-" + run.number(), () -> services.generate(part.request(), run.runId(),
                            event -> tasks.onUi(() -> onEvent(run, part, event)), part.scope()),
                    result -> partDone(run, part), e -> {
                        partDone(run, part);
                        errors.accept(e);
                    });
        }
    }

    private void onEvent(Run run, Run.Part part, EngineEvent event) {
        String step = run.apply(part, event, clock.instant());
        if (step != null && event.imageIndex() >= 0) {
            RunSlot slot = run.slot(part, event.imageIndex());
            if (slot.tile().now() instanceof Tile.Running r) {
                slot.tile().set(new Tile.Running(r.batch(), r.index(), step));
            }
        }
        switch (event) {
            case EngineEvent.ImageFinished f -> {
                imageFinished(run, run.slot(part, f.imageIndex()), f.result());
                listeners.forEach(Listener::tokensChanged);
            }
            case EngineEvent.TokenCooled c -> listeners.forEach(Listener::tokensChanged);
            case EngineEvent.TokenInvalidated i -> listeners.forEach(Listener::tokensChanged);
            default -> { }
        }
    }

    private void imageFinished(Run run, RunSlot slot, ImageResult result) {
        switch (result) {
            case ImageResult.Generated g -> {
                run.imageFinished(slot, g, null, null);
                // stored with the run's id already (the engine writes it at the first save)
                tasks.submit("find-" + g.id(), () -> services.images().find(g.id()), found -> found.ifPresent(image -> {
                    slot.tile().set(new Tile.Stored(image));
                    listeners.forEach(l -> l.imageStored(run, slot, image));
                }), errors);
            }
            case ImageResult.Failed f -> run.imageFinished(slot, f, f.errorType().wireName(), f.error());
        }
    }


    private void partDone(Run run, Run.Part part) {
        run.partDone(part);
        if (!run.active()) {
            listeners.forEach(l -> l.runEnded(run));
            listeners.forEach(Listener::tokensChanged);
        }
        if (runs.stream().noneMatch(Run::active)) {
            busy.set(false);
            List<Runnable> waiting = List.copyOf(whenIdle);
            whenIdle.clear();
            waiting.forEach(Runnable::run);
        }
        ended.set(ended.get() + 1);
    }

    private String newRunId(String kind) {
        StringBuilder sb = new StringBuilder(kind).append('-').append(ID_TIME.format(clock.instant())).append('-');
        for (int i = 0; i < 4; i++) {
            sb.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
