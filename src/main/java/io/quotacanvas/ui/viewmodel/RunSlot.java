package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// One image of a [Run]: its live tile (running, stored or failed), its fallback chain growing as events
/// arrive, the seed it used, when it started and how long it took. A comparison's slot names its
/// (provider, model) pair. FX thread only.
public final class RunSlot {
    private final Run run;
    private final int index;
    private final ProviderId provider;
    private final String model;
    private final Tile.Live tile;
    private final ObservableList<ChainRow> chain = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> startedAt = new ReadOnlyObjectWrapper<>(this, "startedAt");
    private final ReadOnlyLongWrapper elapsedMs = new ReadOnlyLongWrapper(this, "elapsedMs", -1);
    private Long seed;
    private boolean finished;
    private ImageRequest request;

    RunSlot(Run run, int index, ProviderId provider, String model, ImageRequest request) {
        this.run = run;
        this.index = index;
        this.provider = provider;
        this.model = model;
        this.request = request;
        this.tile = new Tile.Live(run.number(), index);
    }

    public Run run() { return run; }
    public int index() { return index; }
    /// The compared provider, or null in a batch (Auto or the create panel's choice).
    public ProviderId provider() { return provider; }
    /// The compared model, or the batch's model.
    public String model() { return model; }
    public Tile.Live tile() { return tile; }
    public ObservableList<ChainRow> chain() { return chain; }
    /// When the engine took the image up (null while it waits for its turn).
    public ReadOnlyObjectProperty<Instant> startedAtProperty() { return startedAt.getReadOnlyProperty(); }
    /// How long it took, as the engine measured it; -1 until it finished.
    public ReadOnlyLongProperty elapsedMsProperty() { return elapsedMs.getReadOnlyProperty(); }
    /// The seed the engine chose or was given, once known.
    public Long seed() { return seed; }
    public boolean finished() { return finished; }

    public boolean failed() {
        return finished && tile.now() instanceof Tile.Failed;
    }

    ImageRequest request() {
        return request;
    }

    /// The request that makes this image again: one image, its own seed.
    ImageRequest retryRequest() {
        return request.withCount(1).withSeed(seed != null ? seed : request.seed());
    }

    void setRequest(ImageRequest r) {
        request = r;
    }

    void started(long chosenSeed) {
        seed = chosenSeed;
    }

    void attemptStarted(Instant now) {
        if (startedAt.get() == null) {
            startedAt.set(now);
        }
    }

    void finish(ImageResult result) {
        finished = true;
        elapsedMs.set(result.elapsedMs());
    }

    /// Back to queued for a rerun: chain, timing and result forgotten.
    void reset() {
        finished = false;
        chain.clear();
        startedAt.set(null);
        elapsedMs.set(-1);
        tile.set(new Tile.Running(run.number(), index, ""));
    }
}
