package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ImageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;

/// The gallery: the library's images for the [GalleryFilters], read a page at a time around what the grid
/// shows (see [GalleryTiles]: the whole listing is never in memory), the [RunningStrip] of the runs' images
/// above it, a multi-selection ([GallerySelection]) and bulk favourite and delete (with undo).
///
/// A listing is a snapshot: images made after it was read (by a run here, another window or the command
/// line) join at the next reload, so pages never shift under the grid; a run's images show in the strip
/// meanwhile, and join when their run is over ([#joinFinished]). Every listing read takes out of the strip
/// the stored images it holds. Changing a filter reloads; a reply for an older listing is dropped. FX thread
/// only.
public final class GalleryViewModel {
    public static final int PAGE = 120;
    static final int MAX_PAGES = 8;

    private final ImageStore store;
    private final TaskService tasks;
    private final Clock clock;
    private final Consumer<Throwable> errors;
    private final GalleryFilters filters;
    private final GalleryTiles tiles = new GalleryTiles(PAGE, MAX_PAGES);
    private final ObservableList<Tile> readOnlyTiles = tiles;
    private final RunningStrip running = new RunningStrip();
    private final GallerySelection selection = new GallerySelection();
    private final GallerySelector selector;
    private final GalleryNeighbours neighbours;
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Tile> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<PendingDelete> pendingDelete = new ReadOnlyObjectWrapper<>(this, "pendingDelete");
    private final BooleanBinding empty = Bindings.isEmpty(tiles).and(Bindings.isEmpty(running.tiles()));
    private final Set<String> hidden = new LinkedHashSet<>();
    private final Set<Integer> requested = new HashSet<>();
    private LibraryQuery query;
    private Instant snapshot;
    private long generation;
    private boolean reloadPending;

    public GalleryViewModel(ImageStore store, TaskService tasks, Clock clock, ZoneId zone, Consumer<Throwable> errors) {
        this.store = store;
        this.tasks = tasks;
        this.clock = clock;
        this.errors = errors;
        this.filters = new GalleryFilters(zone);
        this.neighbours = new GalleryNeighbours(tiles, running, store, tasks, errors, () -> query, this::ensureLoaded);
        this.selector = new GallerySelector(selection, tiles, store, tasks, errors, () -> query, () -> generation,
                this::storedImages, running::storedImages);
        // several filters change at once ("show this run" clears the others): one reload after them all
        InvalidationListener reload = o -> {
            if (!reloadPending) {
                reloadPending = true;
                tasks.onUi(() -> {
                    reloadPending = false;
                    reload();
                });
            }
        };
        for (var p : filters.all()) {
            p.addListener(reload);
        }
    }

    /// Images taken out of the grid whose files are deleted only when the undo window closes.
    public record PendingDelete(List<String> ids, List<Map.Entry<Integer, Tile.Live>> liveTiles) {
        public int count() {
            return ids.size();
        }
    }

    private record Listing(long generation, int total, Map<Integer, List<StoredImage>> pages) {}

    // ---- state

    /// Every matching library image (unloaded ones read as [Tile.Pending]): what the grid shows.
    public ObservableList<Tile> tiles() { return readOnlyTiles; }
    /// The runs' images the listing doesn't hold yet: what the strip above the grid shows.
    public RunningStrip running() { return running; }
    public GalleryFilters filters() { return filters; }
    public GallerySelection selection() { return selection; }
    /// How many images the gallery holds for the query (the library's, and the runs' stored ones).
    public ReadOnlyIntegerProperty totalProperty() { return total.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /// The tile clicked last (its chain is shown; Enter opens it).
    public ReadOnlyObjectProperty<Tile> selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PendingDelete> pendingDeleteProperty() { return pendingDelete.getReadOnlyProperty(); }
    public BooleanBinding empty() { return empty; }

    /// The stored images in memory, in gallery order (the strip's, then the grid's loaded pages).
    public List<StoredImage> storedImages() {
        List<StoredImage> out = new ArrayList<>(running.storedImages());
        out.addAll(tiles.loadedImages());
        return out;
    }

    // ---- loading

    /// Reads the listing afresh from the first page: a new snapshot, in which the runs' stored images take
    /// their place among the others (they leave the strip when it arrives).
    public void reload() {
        snapshot = clock.instant().plusMillis(1);
        load(Set.of(0), running.storedIds());
    }

    /// A run is over: its stored images (and any other stored ones of the strip) join the listing in one
    /// change, read at a new snapshot; the pages in memory are read again, so the grid shows no blanks.
    /// Nothing happens when the strip holds no stored image (a run whose every image failed).
    public void joinFinished() {
        if (running.storedProperty().get() == 0) {
            return;
        }
        snapshot = clock.instant().plusMillis(1);
        load(loadedPages(), running.storedIds());
    }

    /// Reads the same snapshot again (after a delete or undo), keeping the loaded pages.
    private void refresh() {
        if (snapshot == null) {
            reload();
            return;
        }
        load(loadedPages(), Set.of());
    }

    private Set<Integer> loadedPages() {
        Set<Integer> pages = new HashSet<>();
        for (int p = 0; p * PAGE < tiles.storedTotal(); p++) {
            if (tiles.hasPage(p)) {
                pages.add(p);
            }
        }
        pages.add(0);
        return pages;
    }

    /// Reads `pages` of the current snapshot; when they arrive, the strip's images in `joining` (stored before
    /// the snapshot, so the listing holds them) leave the strip in the same turn as the grid changes.
    private void load(Set<Integer> pages, Set<String> joining) {
        long gen = ++generation;
        requested.clear();
        LibraryQuery q = filters.query(snapshot, hidden);
        query = q;
        loading.set(true);
        tasks.submit("gallery-load", () -> {
            Map<Integer, List<StoredImage>> loaded = new HashMap<>();
            for (int p : pages) {
                loaded.put(p, store.list(q.withPage(p * PAGE, PAGE)));
            }
            return new Listing(gen, store.count(q), loaded);
        }, listing -> {
            if (listing.generation() == generation) {
                running.remove(t -> t.now() instanceof Tile.Stored s && joining.contains(s.image().id()));
                tiles.reset(listing.total(), listing.pages());
                loading.set(false);
                updateTotal();
            }
        }, this::failed);
    }

    /// Called as the grid shows `position`: loads its page (and the next or previous one near a page's edge).
    public void ensureLoaded(int position) {
        if (position < 0 || query == null) {
            return;
        }
        int page = position / PAGE;
        request(page);
        int within = position % PAGE;
        if (within > PAGE * 2 / 3) {
            request(page + 1);
        } else if (within < PAGE / 3 && page > 0) {
            request(page - 1);
        }
    }

    private void request(int page) {
        if (tiles.hasPage(page) || page * PAGE >= tiles.storedTotal() || !requested.add(page)) {
            return;
        }
        long gen = generation;
        LibraryQuery q = query.withPage(page * PAGE, PAGE);
        tasks.submit("gallery-page", () -> store.list(q), images -> {
            if (gen == generation) {
                requested.remove(page);
                tiles.putPage(page, images);
            }
        }, e -> {
            requested.remove(page);
            failed(e);
        });
    }

    private void failed(Throwable e) {
        loading.set(false);
        errors.accept(e);
    }

    private void updateTotal() {
        total.set(tiles.storedTotal() + running.storedProperty().get());
    }

    // ---- the runs' tiles (the strip)

    /// Puts a run's tiles in front of the strip (those not already shown).
    public void showLive(List<Tile.Live> live) {
        running.add(live);
    }

    /// A run's tile's image was stored: it counts among the gallery's images now.
    public void liveStored() {
        updateTotal();
    }

    /// Takes a run's tiles out of the strip (its run was cleared from the queue), but for stored ones, which
    /// wait to join the listing.
    public void forgetLive(List<Tile.Live> live) {
        Set<Tile.Live> gone = Set.copyOf(live);
        running.remove(t -> gone.contains(t) && !(t.now() instanceof Tile.Stored));
    }

    /// The strip's tile with this key, if shown.
    public Optional<Tile.Live> liveTile(String key) {
        return running.find(key);
    }

    // ---- the current tile and the selection

    /// Makes `tile` the current one and, if it is a stored image, the whole selection (null clears both).
    public void select(Tile tile) {
        selected.set(tile);
        if (tile != null && tile.now() instanceof Tile.Stored s) {
            selection.set(List.of(s.image().id()));
        } else {
            selection.clear();
        }
    }

    /// Whether `tile` shows as selected: a stored image when it is in the selection, another tile when it is
    /// the current one.
    public boolean marked(Tile tile) {
        if (tile.now() instanceof Tile.Stored s) {
            return selection.contains(s.image().id());
        }
        Tile current = selected.get();
        return current != null && current.key().equals(tile.key());
    }

    /// A click on the strip's `tile`: alone selects it; with `add` (Shift, Ctrl/Cmd) adds its stored image to the
    /// selection or takes it out.
    public void clickLive(Tile.Live tile, boolean add) {
        if (add && tile.now() instanceof Tile.Stored s) {
            selected.set(tile);
            selection.toggle(s.image().id());
        } else {
            select(tile);
        }
    }

    /// A click on the grid's tile at `index`: alone selects it; with `range` (Shift) selects from the anchor to it;
    /// with `toggle` (Ctrl/Cmd) adds or removes it. Only stored images join a selection.
    public void click(int index, boolean range, boolean toggle) {
        if (index < 0 || index >= tiles.size() || tiles.get(index) instanceof Tile.Pending) {
            return;
        }
        Tile tile = tiles.get(index);
        if (tile.now() instanceof Tile.Stored) {
            selected.set(tile);
            selector.click(index, range, toggle);
        } else {
            select(tile);
            selection.anchorAt(index);
        }
    }

    /// Selects every image of the listing (ids only are read, however large it is).
    public void selectAll() {
        selector.selectAll();
    }

    public void clearSelection() {
        selection.clear();
    }

    /// The selected images, looked up in memory or in the library, in selection order, then `then`.
    public void selectedImages(Consumer<List<StoredImage>> then) {
        selector.selectedImages(then);
    }

    // ---- favourites

    /// Replaces a stored image's tile (after a favourite change) wherever it is.
    public void replaceImage(StoredImage image) {
        running.replaceImage(image);
        tiles.replaceImage(image);
        Tile current = selected.get();
        if (current != null && current.now() instanceof Tile.Stored s && s.image().id().equals(image.id())
                && !(current instanceof Tile.Live)) {
            selected.set(new Tile.Stored(image));
        }
    }

    /// Makes every selected image a favourite, or, when all the loaded ones already are, none of them.
    public void toggleFavouriteSelection() {
        Set<String> ids = selection.ids();
        if (ids.isEmpty()) {
            return;
        }
        List<StoredImage> loaded = storedImages().stream().filter(i -> ids.contains(i.id())).toList();
        boolean wanted = loaded.size() < ids.size() || !loaded.stream().allMatch(StoredImage::favourite);
        tasks.submit("favourites", () -> store.setFavourites(ids, wanted), changed -> {
            for (StoredImage i : loaded) {
                replaceImage(new StoredImage(i.id(), i.path(), i.metadata(), wanted));
            }
        }, errors);
    }

    // ---- deleting

    /// Takes the image out of the grid now; the file goes when [#commitPendingDelete] runs.
    public void deleteWithUndo(StoredImage image) {
        deleteWithUndo(List.of(image.id()));
    }

    /// Takes the selected images out of the grid (undo is offered).
    public void deleteSelectionWithUndo() {
        deleteWithUndo(List.copyOf(selection.ids()));
    }

    /// Takes `ids` out of the grid now; their files go when [#commitPendingDelete] runs (the undo window
    /// closed, another delete, or the app closing). An earlier pending delete is committed first.
    public void deleteWithUndo(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        commitPendingDelete();
        Set<String> gone = Set.copyOf(ids);
        hidden.addAll(gone);
        var removed = running.remove(t -> t.now() instanceof Tile.Stored s && gone.contains(s.image().id()));
        pendingDelete.set(new PendingDelete(List.copyOf(ids), removed));
        selection.removeAll(gone);
        if (selected.get() != null && selected.get().now() instanceof Tile.Stored s && gone.contains(s.image().id())) {
            selected.set(null);
        }
        refresh();
    }

    /// Puts the pending images back where they were.
    public void undoDelete() {
        PendingDelete p = pendingDelete.get();
        if (p == null) {
            return;
        }
        pendingDelete.set(null);
        p.ids().forEach(hidden::remove);
        running.restore(p.liveTiles());
        refresh();
    }

    /// Deletes the pending images' files and index rows (in the background).
    public void commitPendingDelete() {
        PendingDelete p = pendingDelete.get();
        if (p == null) {
            return;
        }
        pendingDelete.set(null);
        tasks.submit("delete", () -> store.delete(p.ids()), deleted -> p.ids().forEach(hidden::remove), e -> {
            p.ids().forEach(hidden::remove);
            errors.accept(e);
            reload();
        });
    }

    // ---- moving through the gallery (the detail view's arrows)

    /// The stored image `step` places from `id` in gallery order (the strip's stored images, then the grid's;
    /// running and failed tiles skipped), looked up in the library when its page is not in memory; `none` runs
    /// at the ends (or when `id` isn't shown).
    public void neighbour(String id, int step, Consumer<StoredImage> then, Runnable none) {
        neighbours.find(id, step, then, none);
    }
}
