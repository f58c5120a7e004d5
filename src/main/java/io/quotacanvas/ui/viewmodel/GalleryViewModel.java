package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ImageStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The gallery: live tiles of the running batch first, then the library's images newest first, loaded a
/// page at a time as the grid scrolls towards the end (so 5,000 images cost one page up front).
///
/// Changing the search text or a filter reloads from the first page; a reply that arrives after a newer
/// query was started is dropped. FX thread only.
public final class GalleryViewModel {
    public static final int PAGE = 200;

    private final ImageStore store;
    private final TaskService tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObservableList<Tile> readOnlyTiles = FXCollections.unmodifiableObservableList(tiles);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty favouritesOnly = new SimpleBooleanProperty(this, "favouritesOnly", false);
    private final ObjectProperty<ProviderId> providerFilter = new SimpleObjectProperty<>(this, "providerFilter");
    private final StringProperty modelFilter = new SimpleStringProperty(this, "modelFilter");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Tile> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<PendingDelete> pendingDelete = new ReadOnlyObjectWrapper<>(this, "pendingDelete");
    private final BooleanBinding empty = Bindings.isEmpty(tiles);
    private final Set<String> loadedIds = new HashSet<>();
    private int liveCount;
    private int storedLoaded;
    private long generation;
    private boolean loadingMore;

    public GalleryViewModel(ImageStore store, TaskService tasks, Consumer<Throwable> errors) {
        this.store = store;
        this.tasks = tasks;
        this.errors = errors;
        search.addListener((o, a, b) -> reload());
        favouritesOnly.addListener((o, a, b) -> reload());
        providerFilter.addListener((o, a, b) -> reload());
        modelFilter.addListener((o, a, b) -> reload());
    }

    /// An image removed from the grid whose file is deleted only when the undo window closes.
    public record PendingDelete(StoredImage image, int position) {}

    private record Page(long generation, int total, List<StoredImage> images) {}

    // ---- state

    public ObservableList<Tile> tiles() { return readOnlyTiles; }
    public StringProperty searchProperty() { return search; }
    public BooleanProperty favouritesOnlyProperty() { return favouritesOnly; }
    public ObjectProperty<ProviderId> providerFilterProperty() { return providerFilter; }
    public StringProperty modelFilterProperty() { return modelFilter; }
    /// How many library images match the query (live tiles not counted).
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Tile> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PendingDelete> pendingDeleteProperty() { return pendingDelete.getReadOnlyProperty(); }
    public BooleanBinding empty() { return empty; }

    /// The stored images currently loaded, in grid order (for the detail view's arrows).
    public List<StoredImage> storedImages() {
        List<StoredImage> out = new ArrayList<>();
        for (Tile t : tiles) {
            if (t.now() instanceof Tile.Stored s) {
                out.add(s.image());
            }
        }
        return out;
    }

    // ---- loading

    /// Loads the first page for the current query.
    public void reload() {
        long gen = ++generation;
        LibraryQuery query = query(0);
        loading.set(true);
        loadingMore = false;
        tasks.submit("gallery-load", () -> new Page(gen, store.count(query), store.list(query)),
                page -> {
                    if (page.generation() != generation) {
                        return;
                    }
                    tiles.remove(liveCount, tiles.size());
                    loadedIds.clear();
                    tiles.stream().filter(t -> t.now() instanceof Tile.Stored)
                            .forEach(t -> loadedIds.add(t.now().key()));
                    storedLoaded = 0;
                    append(page);
                }, this::failed);
    }

    /// Called as the grid shows `index`: near the end of what is loaded, fetches the next page.
    public void ensureLoaded(int index) {
        if (loadingMore || loading.get() || storedLoaded >= total.get() || index < tiles.size() - PAGE / 2) {
            return;
        }
        loadingMore = true;
        long gen = generation;
        LibraryQuery query = query(storedLoaded);
        tasks.submit("gallery-page", () -> new Page(gen, store.count(query), store.list(query)),
                page -> {
                    loadingMore = false;
                    if (page.generation() == generation) {
                        append(page);
                    }
                }, e -> {
                    loadingMore = false;
                    failed(e);
                });
    }

    private void append(Page page) {
        List<Tile> fresh = new ArrayList<>();
        for (StoredImage image : page.images()) {
            if (loadedIds.add(image.id())) {
                fresh.add(new Tile.Stored(image));
            }
        }
        storedLoaded += page.images().size();
        tiles.addAll(fresh);
        total.set(page.total());
        loading.set(false);
    }

    private void failed(Throwable e) {
        loading.set(false);
        errors.accept(e);
    }

    private LibraryQuery query(int offset) {
        String text = search.get() == null || search.get().isBlank() ? null : search.get().strip();
        String model = modelFilter.get() == null || modelFilter.get().isBlank() ? null : modelFilter.get();
        return new LibraryQuery(text, favouritesOnly.get(), providerFilter.get(), model, offset, PAGE);
    }

    // ---- live tiles (the running batch)

    /// Puts `count` queued tiles of `batch` at the front, dropping the previous batch's live tiles.
    public void startBatch(long batch, int count) {
        tiles.remove(0, liveCount);
        List<Tile> live = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            live.add(new Tile.Live(batch, i));
        }
        tiles.addAll(0, live);
        liveCount = count;
    }

    /// Moves the live tile with this key to a new state (a step, a failure, or the stored image).
    public void updateLive(String key, Tile state) {
        liveTile(key).ifPresent(live -> {
            if (state instanceof Tile.Stored s && !(live.now() instanceof Tile.Stored)) {
                loadedIds.add(s.image().id());
                total.set(total.get() + 1);
            }
            live.set(state);
        });
    }

    public Optional<Tile.Live> liveTile(String key) {
        return tiles.subList(0, liveCount).stream().filter(t -> t instanceof Tile.Live && t.key().equals(key))
                .map(t -> (Tile.Live) t).findFirst();
    }

    // ---- selection, favourites, deleting

    public void select(Tile tile) {
        selected.set(tile);
    }

    /// Replaces a stored image's tile (after a favourite change) wherever it is.
    public void replaceImage(StoredImage image) {
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            if (t.now() instanceof Tile.Stored s && s.image().id().equals(image.id())) {
                if (t instanceof Tile.Live live) {
                    live.set(new Tile.Stored(image));
                } else {
                    tiles.set(i, new Tile.Stored(image));
                    if (selected.get() != null && selected.get().key().equals(image.id())) {
                        selected.set(tiles.get(i));
                    }
                }
            }
        }
    }

    /// Takes the image out of the grid now; the file goes when [#commitPendingDelete] runs (the undo
    /// window closed, another delete, or the app closing). An earlier pending delete is committed first.
    public void deleteWithUndo(StoredImage image) {
        commitPendingDelete();
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            if (t.now() instanceof Tile.Stored s && s.image().id().equals(image.id())) {
                tiles.remove(i);
                if (i < liveCount) {
                    liveCount--;
                }
                loadedIds.remove(image.id());
                total.set(Math.max(0, total.get() - 1));
                pendingDelete.set(new PendingDelete(image, i));
                if (selected.get() == t) {
                    selected.set(null);
                }
                return;
            }
        }
    }

    /// Puts the pending image back where it was.
    public void undoDelete() {
        PendingDelete p = pendingDelete.get();
        if (p == null) {
            return;
        }
        pendingDelete.set(null);
        tiles.add(Math.min(p.position(), tiles.size()), new Tile.Stored(p.image()));
        if (p.position() < liveCount) {
            liveCount++;
        }
        loadedIds.add(p.image().id());
        total.set(total.get() + 1);
    }

    /// Deletes the pending image's file and index row (in the background).
    public void commitPendingDelete() {
        PendingDelete p = pendingDelete.get();
        if (p == null) {
            return;
        }
        pendingDelete.set(null);
        String id = p.image().id();
        tasks.submit("delete-" + id, () -> store.delete(id), deleted -> { }, e -> {
            errors.accept(e);
            reload();
        });
    }
}
