package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.collections.ObservableListBase;

/// The gallery as the grid sees it: live tiles of runs first, then every library image of the query, of
/// which only a few pages are in memory at a time (a position whose page is not loaded reads as a
/// [Tile.Pending]). So the grid's scroll bar spans the whole library from the first page, and 20,000
/// images cost a few hundred rows of memory.
///
/// Read-only for its observers; the gallery changes it through the package-private methods, each firing
/// one change. A page that arrives replaces its placeholders; a page dropped to save memory is not
/// announced (its positions still mean the same images, and are fetched again when asked). FX thread only.
final class GalleryTiles extends ObservableListBase<Tile> {
    private final int pageSize;
    private final int maxPages;
    private final List<Tile> live = new ArrayList<>();
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
        if (index < live.size()) {
            return live.get(index);
        }
        int position = index - live.size();
        List<Tile.Stored> page = pages.get(position / pageSize);
        int within = position % pageSize;
        return page != null && within < page.size() ? page.get(within) : new Tile.Pending(position);
    }

    @Override
    public int size() {
        return live.size() + storedTotal;
    }

    int liveCount() {
        return live.size();
    }

    List<Tile> live() {
        return List.copyOf(live);
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

    /// Where the image with `id` is (live tiles by their stored image), if loaded.
    Optional<Integer> indexOf(String id) {
        for (int i = 0; i < live.size(); i++) {
            if (live.get(i).now() instanceof Tile.Stored s && s.image().id().equals(id)) {
                return Optional.of(i);
            }
        }
        for (Map.Entry<Integer, List<Tile.Stored>> e : List.copyOf(pages.entrySet())) {
            List<Tile.Stored> page = e.getValue();
            for (int k = 0; k < page.size(); k++) {
                if (page.get(k).image().id().equals(id)) {
                    return Optional.of(live.size() + e.getKey() * pageSize + k);
                }
            }
        }
        return Optional.empty();
    }

    /// Puts `tiles` in front of everything (a run's images, newest run first).
    void addLive(List<? extends Tile> tiles) {
        if (tiles.isEmpty()) {
            return;
        }
        beginChange();
        live.addAll(0, tiles);
        nextAdd(0, tiles.size());
        endChange();
    }

    /// Takes out the live tiles `drop` accepts; returns them with their positions (for an undo).
    List<Map.Entry<Integer, Tile>> removeLive(Predicate<Tile> drop) {
        List<Map.Entry<Integer, Tile>> removed = new ArrayList<>();
        beginChange();
        Iterator<Tile> it = live.iterator();
        for (int i = 0, at = 0; it.hasNext(); i++) {
            Tile t = it.next();
            if (drop.test(t)) {
                it.remove();
                removed.add(Map.entry(i, t));
                nextRemove(at, t);
            } else {
                at++;
            }
        }
        endChange();
        return removed;
    }

    /// Puts live tiles back where [#removeLive] found them.
    void restoreLive(List<Map.Entry<Integer, Tile>> removed) {
        beginChange();
        for (Map.Entry<Integer, Tile> e : removed) {
            int at = Math.min(e.getKey(), live.size());
            live.add(at, e.getValue());
            nextAdd(at, at + 1);
        }
        endChange();
    }

    /// A fresh listing: `total` images, of which `loaded` pages are known; every stored position changes.
    void reset(int total, Map<Integer, List<StoredImage>> loaded) {
        int oldSize = size();
        List<Tile> before = new PlaceholderView(oldSize, live);
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
        int from = live.size() + page * pageSize;
        int to = Math.min(size(), from + images.size());
        if (from >= to) {
            return;
        }
        beginChange();
        List<Tile> before = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            before.add(new Tile.Pending(i - live.size()));
        }
        nextReplace(from, to, before);
        endChange();
    }

    /// Replaces the image with `image.id()` wherever it is loaded (a favourite changed).
    void replaceImage(StoredImage image) {
        for (Tile t : live) {
            if (t instanceof Tile.Live l && l.now() instanceof Tile.Stored s && s.image().id().equals(image.id())) {
                l.set(new Tile.Stored(image));
            }
        }
        for (Map.Entry<Integer, List<Tile.Stored>> e : pages.entrySet()) {
            List<Tile.Stored> page = e.getValue();
            for (int k = 0; k < page.size(); k++) {
                if (page.get(k).image().id().equals(image.id())) {
                    Tile old = page.set(k, new Tile.Stored(image));
                    int at = live.size() + e.getKey() * pageSize + k;
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

    /// What the list held before a reset, without materialising it: live tiles, then placeholders.
    private static final class PlaceholderView extends AbstractList<Tile> {
        private final int size;
        private final List<Tile> live;

        PlaceholderView(int size, List<Tile> live) {
            this.size = size;
            this.live = List.copyOf(live);
        }

        @Override
        public Tile get(int index) {
            return index < live.size() ? live.get(index) : new Tile.Pending(index - live.size());
        }

        @Override
        public int size() {
            return size;
        }
    }
}
