package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ObservableListBase;

/// The gallery as the grid sees it: every library image of the query, of which only a few pages are in
/// memory at a time (a position whose page is not loaded reads as a [Tile.Pending]). So the grid's scroll
/// bar spans the whole library from the first page, and 20,000 images cost a few hundred rows of memory.
/// Runs' images are not here while they run: they have a [RunningStrip] of their own.
///
/// Read-only for its observers; the gallery changes it through the package-private methods, each firing
/// one change. A page that arrives replaces its placeholders; a page dropped to save memory is not
/// announced (its positions still mean the same images, and are fetched again when asked). FX thread only.
final class GalleryTiles extends ObservableListBase<Tile> {
    private final int pageSize;
    private final int maxPages;
    // access order: the least recently used page is dropped first
    private final Map<Integer, List<Tile.Stored>> pages = new LinkedHashMap<>(16, 0.75f, true);
    private int storedTotal;

    GalleryTiles(int pageSize, int maxPages) {
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    @Override
    public Tile get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        List<Tile.Stored> page = pages.get(index / pageSize);
        int within = index % pageSize;
        return page != null && within < page.size() ? page.get(within) : new Tile.Pending(index);
    }

    @Override
    public int size() {
        return storedTotal;
    }

    int storedTotal() {
        return storedTotal;
    }

    int pageSize() {
        return pageSize;
    }

    boolean hasPage(int page) {
        return pages.containsKey(page);
    }

    /// The loaded stored images, in position order.
    List<StoredImage> loadedImages() {
        List<StoredImage> out = new ArrayList<>();
        pages.keySet().stream().sorted().forEach(p -> pages.get(p).forEach(t -> out.add(t.image())));
        return out;
    }

    /// Where the image with `id` is, if loaded.
    Optional<Integer> indexOf(String id) {
        for (Map.Entry<Integer, List<Tile.Stored>> e : List.copyOf(pages.entrySet())) {
            List<Tile.Stored> page = e.getValue();
            for (int k = 0; k < page.size(); k++) {
                if (page.get(k).image().id().equals(id)) {
                    return Optional.of(e.getKey() * pageSize + k);
                }
            }
        }
        return Optional.empty();
    }

    /// A fresh listing: `total` images, of which `loaded` pages are known; every stored position changes.
    void reset(int total, Map<Integer, List<StoredImage>> loaded) {
        List<Tile> before = new PlaceholderView(size());
        pages.clear();
        storedTotal = total;
        loaded.forEach(this::store);
        beginChange();
        nextReplace(0, size(), before);
        endChange();
    }

    /// A page arrived: its placeholders become images. Pages beyond `maxPages` are dropped, farthest first.
    void putPage(int page, List<StoredImage> images) {
        store(page, images);
        while (pages.size() > maxPages) {
            Integer farthest = pages.keySet().stream()
                    .max((a, b) -> Integer.compare(Math.abs(a - page), Math.abs(b - page))).orElseThrow();
            pages.remove(farthest);
        }
        int from = page * pageSize;
        int to = Math.min(size(), from + images.size());
        if (from >= to) {
            return;
        }
        beginChange();
        List<Tile> before = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            before.add(new Tile.Pending(i));
        }
        nextReplace(from, to, before);
        endChange();
    }

    /// Replaces the image with `image.id()` wherever it is loaded (a favourite changed).
    void replaceImage(StoredImage image) {
        for (Map.Entry<Integer, List<Tile.Stored>> e : pages.entrySet()) {
            List<Tile.Stored> page = e.getValue();
            for (int k = 0; k < page.size(); k++) {
                if (page.get(k).image().id().equals(image.id())) {
                    Tile old = page.set(k, new Tile.Stored(image));
                    int at = e.getKey() * pageSize + k;
                    beginChange();
                    nextSet(at, old);
                    endChange();
                }
            }
        }
    }

    private void store(int page, List<StoredImage> images) {
        List<Tile.Stored> tiles = new ArrayList<>(images.size());
        images.forEach(i -> tiles.add(new Tile.Stored(i)));
        pages.put(page, tiles);
    }

    /// What the list held before a reset, without materialising it: placeholders.
    private static final class PlaceholderView extends AbstractList<Tile> {
        private final int size;

        PlaceholderView(int size) {
            this.size = size;
        }

        @Override
        public Tile get(int index) {
            return new Tile.Pending(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
