package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// One gallery tile: a stored image, an image of a run ([Live]) whose state moves from [Running] to
/// [Stored] or [Failed] without the gallery list changing (a list change makes the grid rebuild every
/// cell, which would stall the FX thread on each engine event), or a [Pending] place whose page of the
/// library is not loaded (yet, or any more).
public sealed interface Tile {

    /// Stable identity for selection: the image id, or `batch:index` for live tiles.
    String key();

    /// What the tile shows now: itself, or a live tile's current state.
    default Tile now() {
        return this;
    }

    record Stored(StoredImage image) implements Tile {
        public String key() {
            return image.id();
        }
    }

    /// `step` is what the image is doing ("gitee · z-image-turbo · gitee#2 …9f3a"), or empty while queued.
    record Running(long batch, int index, String step) implements Tile {
        public String key() {
            return batch + ":" + index;
        }
    }

    /// `errorType` is a failure class wire name or `cancelled`, `no_provider`…
    record Failed(long batch, int index, String errorType, String message) implements Tile {
        public String key() {
            return batch + ":" + index;
        }
    }

    /// A library position whose page is not in memory: shown blank until it arrives. Equal by position.
    record Pending(int position) implements Tile {
        public String key() {
            return "pending:" + position;
        }
    }

    /// A tile of a run; its state is a [Running], [Failed] or [Stored]. FX thread only.
    final class Live implements Tile {
        private final long batch;
        private final int index;
        private final ReadOnlyObjectWrapper<Tile> state = new ReadOnlyObjectWrapper<>(this, "state");

        Live(long batch, int index) {
            this.batch = batch;
            this.index = index;
            state.set(new Running(batch, index, ""));
        }

        public String key() {
            return batch + ":" + index;
        }

        public long batch() {
            return batch;
        }

        public int index() {
            return index;
        }

        @Override
        public Tile now() {
            return state.get();
        }

        public ReadOnlyObjectProperty<Tile> stateProperty() {
            return state.getReadOnlyProperty();
        }

        void set(Tile next) {
            state.set(next);
        }

        @Override
        public String toString() {
            return "Live[" + key() + " " + state.get() + "]";
        }
    }
}
