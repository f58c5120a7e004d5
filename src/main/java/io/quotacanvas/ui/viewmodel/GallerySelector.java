package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ImageStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/// What Shift+click, Ctrl/Cmd+click and Ctrl+A do to the gallery's [GallerySelection]. A range or "all" over
/// pages that are not in memory is read from the library as ids only; a reply for an older listing is
/// dropped. FX thread only.
final class GallerySelector {
    private final GallerySelection selection;
    private final GalleryTiles tiles;
    private final ImageStore store;
    private final TaskService tasks;
    private final Consumer<Throwable> errors;
    private final Supplier<LibraryQuery> query;
    private final LongSupplier generation;
    private final Supplier<List<StoredImage>> inMemory;
    private final Supplier<List<StoredImage>> inStrip;

    /// `inMemory` is every stored image in memory (strip and grid); `inStrip` those of the running strip.
    GallerySelector(GallerySelection selection, GalleryTiles tiles, ImageStore store, TaskService tasks,
                    Consumer<Throwable> errors, Supplier<LibraryQuery> query, LongSupplier generation,
                    Supplier<List<StoredImage>> inMemory, Supplier<List<StoredImage>> inStrip) {
        this.selection = selection;
        this.tiles = tiles;
        this.store = store;
        this.tasks = tasks;
        this.errors = errors;
        this.query = query;
        this.generation = generation;
        this.inMemory = inMemory;
        this.inStrip = inStrip;
    }

    /// A click on the stored image at grid position `index` (see `GalleryViewModel#click`).
    void click(int index, boolean range, boolean toggle) {
        if (!(tiles.get(index).now() instanceof Tile.Stored s)) {
            return;
        }
        if (range && selection.anchor() >= 0) {
            selectRange(selection.anchor(), index, toggle);
            return;
        }
        if (toggle) {
            selection.toggle(s.image().id());
        } else {
            selection.set(List.of(s.image().id()));
        }
        selection.anchorAt(index);
    }

    private void selectRange(int from, int to, boolean add) {
        int lo = Math.min(from, to);
        int hi = Math.max(from, to);
        List<String> ids = new ArrayList<>();
        boolean complete = true;
        for (int i = lo; i <= hi; i++) {
            Tile t = tiles.get(i);
            if (t.now() instanceof Tile.Stored st) {
                ids.add(st.image().id());
            } else if (t instanceof Tile.Pending) {
                complete = false;
            }
        }
        if (complete) {
            apply(ids, add);
            return;
        }
        LibraryQuery q = query.get().withPage(lo, hi - lo + 1);
        long gen = generation.getAsLong();
        tasks.submit("gallery-range", () -> store.ids(q), found -> {
            if (gen == generation.getAsLong()) {
                apply(found, add);
            }
        }, errors);
    }

    private void apply(List<String> ids, boolean add) {
        if (add) {
            selection.addAll(ids);
        } else {
            selection.set(ids);
        }
    }

    void selectAll() {
        if (query.get() == null) {
            return;
        }
        long gen = generation.getAsLong();
        LibraryQuery q = query.get().withPage(0, 0);
        List<String> live = inStrip.get().stream().map(StoredImage::id).toList();
        tasks.submit("gallery-all", () -> store.ids(q), found -> {
            if (gen == generation.getAsLong()) {
                List<String> all = new ArrayList<>(live);
                all.addAll(found);
                selection.set(all);
            }
        }, errors);
    }

    /// The selected images in selection order: those in memory at once, the others read from the library.
    void selectedImages(Consumer<List<StoredImage>> then) {
        Set<String> ids = selection.ids();
        Map<String, StoredImage> known = new HashMap<>();
        inMemory.get().forEach(i -> known.put(i.id(), i));
        List<String> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        tasks.submit("gallery-selected", () -> missing.isEmpty() ? List.<StoredImage>of() : store.find(missing),
                found -> {
                    found.forEach(i -> known.put(i.id(), i));
                    then.accept(ids.stream().map(known::get).filter(Objects::nonNull).toList());
                }, errors);
    }
}
