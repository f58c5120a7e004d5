package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.StoredImage;

/// One gallery tile: a stored image, an image of the running batch, or an image that failed. Immutable;
/// a tile that changes is replaced in the list.
public sealed interface Tile {

    /// Stable identity for selection: the image id, or `batch:index` for live tiles.
    String key();

    record Stored(StoredImage image) implements Tile {
        public String key() {
            return image.id();
        }
    }

    /// `step` is what the image is doing now ("gitee · z-image-turbo · gitee#2 …9f3a"), or empty while queued.
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
}
