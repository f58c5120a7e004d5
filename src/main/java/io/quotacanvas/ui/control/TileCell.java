package io.quotacanvas.ui.control;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.input.MouseButton;
import org.controlsfx.control.GridCell;

/// One tile of the gallery's grid: a stored image, or a blank place while its page loads (what it shows is
/// its [TileFace]). A click selects (Shift: a range,
/// Ctrl/Cmd: one more); a double click opens.
///
/// Cheap to update, because the grid updates every visible cell whenever its list changes (a page arriving,
/// a listing read): an emptied cell only hides its graphic, and the tile's key lives in the user data, not
/// the CSS id (a new id restyles the whole cell).
public final class TileCell extends GridCell<Tile> {
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final GalleryViewModel gallery;
    private final TileFace face;
    private final InvalidationListener onSelection = o -> markSelected();
    // a running or failed tile's words follow the language
    private final InvalidationListener onLocale = o -> relabel();

    public TileCell(GalleryViewModel gallery, ThumbnailCache thumbnails, I18n i18n, Consumer<Tile> open,
                    Consumer<Tile> retry) {
        this.gallery = gallery;
        this.face = new TileFace(thumbnails, i18n, ThumbnailCache.SIZE, this::setGraphic, () -> {
            if (getItem() != null) {
                retry.accept(getItem());
            }
        });
        getStyleClass().add("tile");
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> {
            if (getItem() == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            if (e.getClickCount() == 2) {
                open.accept(getItem());
            } else {
                // Cmd on macOS, Ctrl elsewhere (some platforms report only one of the two)
                gallery.click(getIndex(), e.isShiftDown(), e.isShortcutDown() || e.isControlDown());
            }
        });
        // weak: the grid throws cells away and makes new ones, and the gallery outlives them all
        gallery.selectedProperty().addListener(new WeakInvalidationListener(onSelection));
        gallery.selection().revisionProperty().addListener(new WeakInvalidationListener(onSelection));
        i18n.localeProperty().addListener(new WeakInvalidationListener(onLocale));
    }

    @Override
    protected void updateItem(Tile tile, boolean empty) {
        super.updateItem(tile, empty);
        if (empty || tile == null) {
            setUserData(null);
            face.hide();
            markSelected();
            return;
        }
        // the grid holds stored images and places of unloaded pages (a run's tiles are in the strip)
        Tile now = tile.now();
        setUserData(now.key());
        face.show(now);
        markSelected();
        if (tile instanceof Tile.Pending) {
            gallery.ensureLoaded(getIndex());
        }
    }

    private void relabel() {
        if (getItem() != null && !isEmpty()) {
            face.relabel(getItem().now());
        }
    }

    private void markSelected() {
        pseudoClassStateChanged(SELECTED, getItem() != null && !isEmpty() && gallery.marked(getItem()));
    }
}
