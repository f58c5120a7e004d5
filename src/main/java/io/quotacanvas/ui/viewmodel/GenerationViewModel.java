package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.StudioServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/// Runs the create panel's request as a batch: live tiles in the gallery, a live chain per image, cancel
/// through the batch's call scope. One batch at a time. FX thread only.
public final class GenerationViewModel {
    private final StudioServices services;
    private final TaskService tasks;
    private final CreateViewModel create;
    private final GalleryViewModel gallery;
    private final ChainViewModel chain;
    private final Consumer<Throwable> errors;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyIntegerWrapper finished = new ReadOnlyIntegerWrapper(this, "finished");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyObjectWrapper<BatchResult> lastResult = new ReadOnlyObjectWrapper<>(this, "lastResult");
    private final BooleanBinding canGenerate;
    private final StringBinding statusText;
    private final List<Runnable> whenIdle = new ArrayList<>();
    private Runnable onTokensChanged = () -> { };
    private BatchRun run;
    private long nextBatch = 1;

    public GenerationViewModel(StudioServices services, TaskService tasks, I18n i18n, CreateViewModel create,
                               GalleryViewModel gallery, ChainViewModel chain, Consumer<Throwable> errors) {
        this.services = services;
        this.tasks = tasks;
        this.create = create;
        this.gallery = gallery;
        this.chain = chain;
        this.errors = errors;
        canGenerate = create.promptBlank().not().and(create.advancedValid()).and(running.not());
        statusText = i18n.text(() -> status(i18n), running, cancelling, finished, total, lastResult);
    }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty cancellingProperty() { return cancelling.getReadOnlyProperty(); }
    /// True while the form is valid, the prompt not blank and no batch runs.
    public BooleanBinding canGenerate() { return canGenerate; }
    /// "Generating 2 of 8…", "Done: 7 images, 1 failed", or empty.
    public StringBinding statusText() { return statusText; }

    /// Called after anything that may have changed token states (the status bar refreshes).
    public void setOnTokensChanged(Runnable action) {
        this.onTokensChanged = action;
    }

    /// Starts a batch from the create panel; does nothing unless [#canGenerate].
    public void generate() {
        if (!canGenerate.get()) {
            return;
        }
        ImageRequest request = create.toRequest();
        BatchRun batch = new BatchRun(nextBatch++, request.prompt(), request.count());
        run = batch;
        running.set(true);
        cancelling.set(false);
        finished.set(0);
        total.set(batch.count());
        gallery.startBatch(batch.id, batch.count());
        gallery.select(null);
        chain.follow(batch.chain(0), batch.prompt);
        tasks.submit("batch-" + batch.id,
                () -> services.generate(request, event -> tasks.onUi(() -> onEvent(batch, event)), batch.scope),
                result -> done(batch, result), e -> {
                    done(batch, null);
                    errors.accept(e);
                });
    }

    /// Stops the running requests at once; images already stored stay.
    public void cancel() {
        if (run != null && running.get()) {
            cancelling.set(true);
            run.scope.cancel("Cancelled.");
        }
    }

    /// Runs `action` once no batch is running (at once if idle).
    public void whenIdle(Runnable action) {
        if (running.get()) {
            whenIdle.add(action);
        } else {
            action.run();
        }
    }

    /// The live chain of a tile of the current batch.
    public Optional<ObservableList<ChainRow>> liveChain(Tile tile) {
        if (tile instanceof Tile.Live live && run != null && live.batch() == run.id) {
            return Optional.of(run.chain(live.index()));
        }
        return switch (tile) {
            case Tile.Running r when run != null && r.batch() == run.id -> Optional.of(run.chain(r.index()));
            case Tile.Failed f when run != null && f.batch() == run.id -> Optional.of(run.chain(f.index()));
            case null, default -> Optional.empty();
        };
    }

    private void onEvent(BatchRun batch, EngineEvent event) {
        String step = batch.apply(event);
        String key = batch.key(event.imageIndex());
        if (step != null && gallery.liveTile(key).map(Tile::now).orElse(null) instanceof Tile.Running r) {
            gallery.updateLive(key, new Tile.Running(r.batch(), r.index(), step));
        }
        switch (event) {
            case EngineEvent.ImageFinished f -> {
                finished.set(batch.finished());
                imageFinished(batch, f.result());
                onTokensChanged.run();
            }
            case EngineEvent.TokenCooled c -> onTokensChanged.run();
            case EngineEvent.TokenInvalidated i -> onTokensChanged.run();
            default -> { }
        }
    }

    private void imageFinished(BatchRun batch, ImageResult result) {
        String key = batch.key(result.index());
        switch (result) {
            case ImageResult.Generated g -> tasks.submit("find-" + g.id(), () -> services.images().find(g.id()),
                    found -> found.ifPresent(image -> gallery.updateLive(key, new Tile.Stored(image))), errors);
            case ImageResult.Failed f -> gallery.updateLive(key,
                    new Tile.Failed(batch.id, f.index(), f.errorType().wireName(), f.error()));
        }
    }

    private void done(BatchRun batch, BatchResult result) {
        if (batch != run) {
            return;
        }
        running.set(false);
        cancelling.set(false);
        lastResult.set(result);
        onTokensChanged.run();
        List<Runnable> waiting = List.copyOf(whenIdle);
        whenIdle.clear();
        waiting.forEach(Runnable::run);
    }

    private String status(I18n i18n) {
        if (running.get()) {
            return cancelling.get() ? i18n.get("status.cancelling")
                    : i18n.get("status.generating", finished.get(), total.get());
        }
        BatchResult r = lastResult.get();
        if (r == null) {
            return "";
        }
        long ok = r.generatedCount();
        return i18n.get("status.done", ok, r.images().size() - ok);
    }
}
