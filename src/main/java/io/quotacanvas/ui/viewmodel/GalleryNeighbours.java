package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ImageStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/// The detail view's arrows over the gallery: the stored images in gallery order, the [RunningStrip]'s
/// first, then the grid's (running and failed tiles skipped), an image whose page is not in memory looked
/// up in the library. FX thread only.
final class GalleryNeighbours {
    private final GalleryTiles tiles;
    private final RunningStrip running;
    private final ImageStore store;
    private final TaskService tasks;
    private final Consumer<Throwable> errors;
    private final Supplier<LibraryQuery> query;
    private final IntConsumer ensureLoaded;

    GalleryNeighbours(GalleryTiles tiles, RunningStrip running, ImageStore store, TaskService tasks,
                      Consumer<Throwable> errors, Supplier<LibraryQuery> query, IntConsumer ensureLoaded) {
        this.tiles = tiles;
        this.running = running;
        this.store = store;
        this.tasks = tasks;
        this.errors = errors;
        this.query = query;
        this.ensureLoaded = ensureLoaded;
    }

    /// Calls `then` with the stored image `step` places from `id`, or `none` at the ends (or when `id` is
    /// neither in the strip nor in a loaded page).
    void find(String id, int step, Consumer<StoredImage> then, Runnable none) {
        List<StoredImage> strip = running.storedImages();
        int inStrip = strip.stream().map(StoredImage::id).toList().indexOf(id);
        Runnable beforeGrid = strip.isEmpty() ? none : () -> then.accept(strip.getLast());
        if (inStrip >= 0) {
            int next = inStrip + step;
            if (next >= 0 && next < strip.size()) {
                then.accept(strip.get(next));
            } else if (next < 0) {
                none.run();
            } else {
                inGrid(-1, step, then, none, none);
            }
            return;
        }
        Optional<Integer> at = tiles.indexOf(id);
        if (at.isEmpty()) {
            none.run();
            return;
        }
        inGrid(at.get(), step, then, none, beforeGrid);
    }

    private void inGrid(int from, int step, Consumer<StoredImage> then, Runnable none, Runnable beforeGrid) {
        for (int i = from + step; i >= 0 && i < tiles.size(); i += step) {
            Tile t = tiles.get(i);
            if (t.now() instanceof Tile.Stored s) {
                then.accept(s.image());
                ensureLoaded.accept(i);
                return;
            }
            if (t instanceof Tile.Pending p) {
                LibraryQuery q = query.get().withPage(p.position(), 1);
                ensureLoaded.accept(i);
                tasks.submit("gallery-neighbour", () -> store.list(q),
                        found -> found.stream().findFirst().ifPresentOrElse(then, none), errors);
                return;
            }
        }
        (step < 0 ? beforeGrid : none).run();
    }
}
