package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The images of batches that the gallery's listing doesn't hold yet, in a strip of their own above the grid,
/// newest run first: queued and running ones, stored ones until their run is over, and failed ones (with
/// their Retry) until they are dismissed or their run is cleared from the queue.
///
/// A batch going in, and each of its images moving from running to stored or failed, changes only this short
/// list, never the grid's: a change in the grid's item count makes it rebuild every visible cell, which
/// stalled the FX thread whenever a batch started. The stored images join the gallery in one listing change
/// when their run is over (see [GalleryViewModel#joinFinished]). FX thread only.
public final class RunningStrip {
    private final ObservableList<Tile.Live> tiles = FXCollections.observableArrayList();
    private final ObservableList<Tile.Live> readOnlyTiles = FXCollections.unmodifiableObservableList(tiles);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyIntegerWrapper stored = new ReadOnlyIntegerWrapper(this, "stored");
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper(this, "failed");
    private final InvalidationListener recount = o -> recount();

    /// The strip's tiles, newest run first (read-only).
    public ObservableList<Tile.Live> tiles() { return readOnlyTiles; }
    /// Tiles queued or running.
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }
    /// Tiles whose image is stored but not in the gallery's listing yet.
    public ReadOnlyIntegerProperty storedProperty() { return stored.getReadOnlyProperty(); }
    /// Tiles that failed (or were cancelled).
    public ReadOnlyIntegerProperty failedProperty() { return failed.getReadOnlyProperty(); }

    /// Takes the failed tiles out of the strip (their runs stay in the queue, so "Retry failed" still works).
    public void dismissFailed() {
        remove(t -> t.now() instanceof Tile.Failed);
    }

    /// Puts `live` in front, leaving out those already shown (a retried tile keeps its place).
    void add(List<Tile.Live> live) {
        Set<Tile.Live> shown = new HashSet<>(tiles);
        List<Tile.Live> fresh = live.stream().filter(t -> !shown.contains(t)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        fresh.forEach(t -> t.stateProperty().addListener(recount));
        tiles.addAll(0, fresh);
        recount();
    }

    /// Takes out the tiles `drop` accepts; returns them with their places (for an undo).
    List<Map.Entry<Integer, Tile.Live>> remove(Predicate<Tile.Live> drop) {
        List<Map.Entry<Integer, Tile.Live>> removed = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            if (drop.test(tiles.get(i))) {
                removed.add(Map.entry(i, tiles.get(i)));
            }
        }
        if (removed.isEmpty()) {
            return removed;
        }
        removed.forEach(e -> e.getValue().stateProperty().removeListener(recount));
        tiles.removeIf(drop);
        recount();
        return removed;
    }

    /// Puts tiles back where [#remove] found them.
    void restore(List<Map.Entry<Integer, Tile.Live>> removed) {
        for (Map.Entry<Integer, Tile.Live> e : removed) {
            if (!tiles.contains(e.getValue())) {
                e.getValue().stateProperty().addListener(recount);
                tiles.add(Math.min(e.getKey(), tiles.size()), e.getValue());
            }
        }
        recount();
    }

    /// The stored images in the strip, in strip order.
    List<StoredImage> storedImages() {
        List<StoredImage> out = new ArrayList<>();
        for (Tile.Live t : tiles) {
            if (t.now() instanceof Tile.Stored s) {
                out.add(s.image());
            }
        }
        return out;
    }

    /// The ids of [#storedImages].
    Set<String> storedIds() {
        Set<String> ids = new HashSet<>();
        storedImages().forEach(i -> ids.add(i.id()));
        return ids;
    }

    /// The tile with this key, if shown.
    Optional<Tile.Live> find(String key) {
        return tiles.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /// Where the tile showing the stored image `id` is, or -1.
    int indexOfImage(String id) {
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).now() instanceof Tile.Stored s && s.image().id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /// Shows `image` again wherever a tile holds it (a favourite changed).
    void replaceImage(StoredImage image) {
        for (Tile.Live t : tiles) {
            if (t.now() instanceof Tile.Stored s && s.image().id().equals(image.id())) {
                t.set(new Tile.Stored(image));
            }
        }
    }

    private void recount() {
        int r = 0;
        int s = 0;
        int f = 0;
        for (Tile.Live t : tiles) {
            Tile now = t.now();
            r += now instanceof Tile.Running ? 1 : 0;
            s += now instanceof Tile.Stored ? 1 : 0;
            f += now instanceof Tile.Failed ? 1 : 0;
        }
        running.set(r);
        stored.set(s);
        failed.set(f);
    }
}
