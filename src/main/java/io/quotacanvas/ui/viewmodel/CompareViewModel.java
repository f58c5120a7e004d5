package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.BulkExport;
import io.quotacanvas.ui.service.StudioServices;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// Compare models side by side: pick several (provider, model) pairs — or every pair that can run right
/// now — and the create panel's prompt, seed and size; the pairs run in parallel on the engine's slots and
/// fill a grid, one cell per pair, each with its live chain, elapsed time, and its failure in place. A cell's
/// image can be kept (made a favourite) or made again; all of them can be saved. Every image goes to the
/// library with the comparison's run id. FX thread only.
public final class CompareViewModel {
    private final StudioServices services;
    private final TaskService tasks;
    private final I18n i18n;
    private final RunQueue queue;
    private final CreateViewModel create;
    private final GalleryViewModel gallery;
    private final Consumer<String> notices;
    private final Consumer<Throwable> errors;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ObservableList<PairChoice> choices = FXCollections.observableArrayList(
            c -> new Observable[] {c.chosenProperty()});
    private final ObservableList<PairChoice> readOnlyChoices = FXCollections.unmodifiableObservableList(choices);
    private final ReadOnlyBooleanWrapper loadingChoices = new ReadOnlyBooleanWrapper(this, "loadingChoices");
    private final ReadOnlyObjectWrapper<Run> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ObservableList<RunSlot> cells = FXCollections.observableArrayList();
    private final ObservableList<RunSlot> readOnlyCells = FXCollections.unmodifiableObservableList(cells);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final IntegerBinding chosenCount = Bindings.createIntegerBinding(
            () -> (int) choices.stream().filter(c -> c.chosenProperty().get()).count(), choices);
    private final BooleanBinding canCompare;

    public CompareViewModel(StudioServices services, TaskService tasks, I18n i18n, RunQueue queue,
                            CreateViewModel create, GalleryViewModel gallery, Consumer<String> notices,
                            Consumer<Throwable> errors) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.queue = queue;
        this.create = create;
        this.gallery = gallery;
        this.notices = notices;
        this.errors = errors;
        canCompare = create.promptBlank().not().and(create.advancedValid()).and(chosenCount.greaterThan(0));
        now.set(services.clock().instant());
        active.addListener((o, was, on) -> {
            if (on && choices.isEmpty()) {
                refreshChoices();
            }
        });
    }

    /// True while the create panel is in compare mode (Generate compares the chosen pairs).
    public BooleanProperty activeProperty() { return active; }
    /// Every pair of the enabled providers, with its readiness, in routing order.
    public ObservableList<PairChoice> choices() { return readOnlyChoices; }
    public ReadOnlyBooleanProperty loadingChoicesProperty() { return loadingChoices.getReadOnlyProperty(); }
    public IntegerBinding chosenCount() { return chosenCount; }
    /// True while the prompt and options are valid and at least one pair is chosen.
    public BooleanBinding canCompare() { return canCompare; }
    /// The comparison the grid shows (the last one started), or null.
    public ReadOnlyObjectProperty<Run> runProperty() { return run.getReadOnlyProperty(); }
    /// The grid's cells, one per pair.
    public ObservableList<RunSlot> cells() { return readOnlyCells; }
    /// The clock the cells' running times read; [#tick] moves it.
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }

    /// Re-reads which pairs are ready (the ledger); keeps what was chosen. With nothing chosen yet, every
    /// ready pair starts chosen.
    public void refreshChoices() {
        loadingChoices.set(true);
        Instant at = services.clock().instant();
        tasks.submit("compare-choices", () -> services.readiness(at), fresh -> {
            Map<String, Boolean> before = new HashMap<>();
            choices.forEach(c -> before.put(c.key(), c.chosenProperty().get()));
            boolean first = before.values().stream().noneMatch(Boolean::booleanValue);
            choices.setAll(fresh.stream().map(r -> {
                PairChoice c = new PairChoice(r, false);
                c.chosenProperty().set(first ? r.ready() : before.getOrDefault(c.key(), false));
                return c;
            }).toList());
            loadingChoices.set(false);
        }, e -> {
            loadingChoices.set(false);
            errors.accept(e);
        });
    }

    /// Chooses exactly the pairs that can run right now: a ready token, or the public Spaces.
    public void chooseReady() {
        choices.forEach(c -> c.chosenProperty().set(c.ready()));
    }

    public void chooseNone() {
        choices.forEach(c -> c.chosenProperty().set(false));
    }

    /// Starts a comparison of the chosen pairs with the create panel's prompt and options (one seed for
    /// all); does nothing unless [#canCompare].
    public void compare() {
        if (!canCompare.get()) {
            return;
        }
        List<Run.Pair> pairs = choices.stream().filter(c -> c.chosenProperty().get())
                .map(c -> new Run.Pair(c.provider(), c.model())).toList();
        Run started = queue.submitCompare(create.toRequest(), pairs);
        run.set(started);
        cells.setAll(started.slots());
    }

    /// Stops the comparison shown; finished cells stay.
    public void cancel() {
        if (run.get() != null) {
            queue.cancel(run.get());
        }
    }

    /// Makes one cell's image again (same pair, prompt and seed), behind whatever is queued.
    public void rerun(RunSlot cell) {
        queue.rerun(cell);
    }

    /// Keeps a cell's image: marks it a favourite (again: unmarks it).
    public void keep(RunSlot cell) {
        if (!(cell.tile().now() instanceof Tile.Stored s)) {
            return;
        }
        boolean wanted = !s.image().favourite();
        StoredImage image = s.image();
        tasks.submit("compare-keep", () -> services.images().setFavourite(image.id(), wanted), changed -> {
            StoredImage updated = new StoredImage(image.id(), image.path(), image.metadata(), wanted);
            cell.tile().set(new Tile.Stored(updated));
            gallery.replaceImage(updated);
        }, errors);
    }

    /// The comparison's stored images, in cell order.
    public List<StoredImage> storedImages() {
        return cells.stream().filter(c -> c.tile().now() instanceof Tile.Stored)
                .map(c -> ((Tile.Stored) c.tile().now()).image()).toList();
    }

    /// Saves every stored image of the comparison to a folder (or a `.zip`), each with its settings.
    public void saveAll(Path target) {
        List<StoredImage> images = storedImages();
        if (images.isEmpty() || target == null) {
            return;
        }
        tasks.submit("compare-save", () -> new BulkExport(services.images()).export(images, target, n -> { }),
                n -> notices.accept(i18n.get("notice.exported", n, target.toString())), errors);
    }

    /// Shows the comparison's images in the gallery (they carry its run id).
    public void showInGallery() {
        if (run.get() != null) {
            gallery.filters().clear();
            gallery.filters().runProperty().set(run.get().runId());
        }
    }

    /// Moves the clock the running cells' times read.
    public void tick() {
        now.set(services.clock().instant());
    }

    /// A cell's time: "12.3 s" when done, the running time so far, or "waiting" while queued.
    public StringBinding elapsed(RunSlot cell) {
        return i18n.text(() -> {
            long ms = cell.elapsedMsProperty().get();
            if (ms >= 0) {
                return i18n.get("compare.took", ms / 1000.0);
            }
            Instant started = cell.startedAtProperty().get();
            if (started == null) {
                return i18n.get("compare.waiting");
            }
            long s = Math.max(0, Duration.between(started, now.get()).toSeconds());
            return i18n.get("compare.running", s);
        }, cell.elapsedMsProperty(), cell.startedAtProperty(), now);
    }
}
