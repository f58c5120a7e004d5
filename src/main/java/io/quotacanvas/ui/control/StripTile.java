package io.quotacanvas.ui.control;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;

/// One tile of the running strip: an image of a run, following its state (queued, running with the current
/// step, stored, failed with Retry) in place, so a state change redraws this tile alone. A click selects
/// (Shift or Ctrl/Cmd: adds a stored image to the selection, or takes it out); a double click opens.
/// [#dispose] when it leaves the strip. FX thread only.
public final class StripTile extends StackPane {
    /// The side of a strip tile's picture: smaller than the grid's, so the grid keeps most of the height.
    public static final double SIZE = 120;

    private final Tile.Live tile;
    private final GalleryViewModel gallery;
    private final TileFace face;
    private final InvalidationListener onState = o -> render();
    private final InvalidationListener onSelection = o -> markSelected();
    private final InvalidationListener onLocale = o -> relabel();

    public StripTile(Tile.Live tile, GalleryViewModel gallery, ThumbnailCache thumbnails, I18n i18n,
                     Consumer<Tile> open, Consumer<Tile> retry) {
        this.tile = tile;
        this.gallery = gallery;
        this.face = new TileFace(thumbnails, i18n, SIZE, g -> getChildren().setAll(g), () -> retry.accept(tile));
        getStyleClass().addAll("tile", "strip-tile");
        setAlignment(Pos.CENTER);
        setMinSize(SIZE + 8, SIZE + 8);
        setPrefSize(SIZE + 8, SIZE + 8);
        setMaxSize(SIZE + 8, SIZE + 8);
        setOnMouseClicked(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                open.accept(tile);
            } else {
                gallery.clickLive(tile, e.isShiftDown() || e.isShortcutDown() || e.isControlDown());
            }
        });
        tile.stateProperty().addListener(onState);
        // weak: the gallery outlives the strip's tiles
        gallery.selectedProperty().addListener(new WeakInvalidationListener(onSelection));
        gallery.selection().revisionProperty().addListener(new WeakInvalidationListener(onSelection));
        i18n.localeProperty().addListener(new WeakInvalidationListener(onLocale));
        render();
    }

    /// The run's tile it shows.
    public Tile.Live tile() {
        return tile;
    }

    /// Stops following the tile (it left the strip).
    public void dispose() {
        tile.stateProperty().removeListener(onState);
        face.hide();
    }

    private Tile current() {
        return tile.now();
    }

    private void relabel() {
        face.relabel(current());
    }

    private void render() {
        Tile now = current();
        setUserData(now.key());
        face.show(now);
        markSelected();
    }

    private void markSelected() {
        pseudoClassStateChanged(TileCell.SELECTED, gallery.marked(tile));
    }
}
