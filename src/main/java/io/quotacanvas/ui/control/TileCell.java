package io.quotacanvas.ui.control;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// One gallery tile: a thumbnail (with a star for favourites), a spinner with the current step for a
/// running image, or the failure class and message for a failed one. Clicking selects; a double click
/// opens. Reports its index so the gallery can load the next page in time.
public final class TileCell extends GridCell<Tile> {
    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final I18n i18n;
    private final ImageView image = new ImageView();
    private final StackPane picture = new StackPane(image);
    // made on first need: the grid recreates every visible cell when a batch starts, so a cell showing a
    // stored image must stay small (fewer nodes, less CSS in that one frame)
    private FontIcon star;
    private BusyIndicator spinner;
    private Label caption;
    private VBox live;
    private volatile String wanted;
    private Tile.Live watched;
    private final javafx.beans.InvalidationListener onSelection = o -> markSelected();
    private final javafx.beans.InvalidationListener onLiveChange = o -> render(watched.now());

    public TileCell(GalleryViewModel gallery, ThumbnailCache thumbnails, I18n i18n, Consumer<Tile> open) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        this.i18n = i18n;
        getStyleClass().add("tile");
        image.setFitWidth(ThumbnailCache.SIZE);
        image.setFitHeight(ThumbnailCache.SIZE);
        image.setPreserveRatio(true);
        setAlignment(Pos.CENTER);
        setOnMouseClicked(e -> {
            if (getItem() == null || e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            gallery.select(getItem());
            if (e.getClickCount() == 2) {
                open.accept(getItem());
            }
        });
        // weak: the grid throws cells away and makes new ones, and the gallery outlives them all
        gallery.selectedProperty().addListener(new javafx.beans.WeakInvalidationListener(onSelection));
    }

    @Override
    protected void updateItem(Tile tile, boolean empty) {
        super.updateItem(tile, empty);
        markSelected();
        if (empty || tile == null) {
            watch(null);
            wanted = null;
            setGraphic(null);
            setText(null);
            return;
        }
        gallery.ensureLoaded(getIndex());
        watch(tile instanceof Tile.Live live ? live : null);
        render(tile.now());
    }

    private void watch(Tile.Live live) {
        if (watched != null) {
            watched.stateProperty().removeListener(onLiveChange);
        }
        watched = live;
        if (live != null) {
            live.stateProperty().addListener(onLiveChange);
        }
    }

    private void render(Tile tile) {
        switch (tile) {
            case Tile.Stored s -> showStored(s);
            case Tile.Running r -> showLive(r.step().isEmpty() ? i18n.get("tile.queued") : r.step(), true, null);
            case Tile.Failed f -> showLive(f.errorType() + "\n" + (f.message() == null ? "" : f.message()), false,
                    OutcomeIcons.forOutcome(f.errorType()));
            case Tile.Live live -> throw new IllegalStateException("a live tile's state is never live");
        }
    }

    private void showStored(Tile.Stored s) {
        String id = s.image().id();
        wanted = id;
        showStar(s.image().favourite());
        setId("tile-" + id);
        setGraphic(picture);
        var hit = thumbnails.cached(id);
        image.setImage(hit);
        if (hit == null) {
            thumbnails.request(s.image(), () -> id.equals(wanted), thumb -> {
                if (id.equals(wanted)) {
                    image.setImage(thumb);
                }
            });
        }
    }

    private void showLive(String text, boolean running, FontIcon icon) {
        wanted = null;
        setId(running ? "tile-running" : "tile-failed");
        VBox box = liveBox();
        box.getChildren().setAll(running ? spinner() : icon, caption);
        caption.setText(text);
        setGraphic(box);
    }

    private void showStar(boolean favourite) {
        if (star == null && !favourite) {
            return;
        }
        if (star == null) {
            star = new FontIcon(MaterialDesignS.STAR);
            star.getStyleClass().add("tile-star");
            StackPane.setAlignment(star, Pos.TOP_RIGHT);
            picture.getChildren().add(star);
        }
        star.setVisible(favourite);
    }

    private VBox liveBox() {
        if (live == null) {
            caption = new Label();
            caption.setWrapText(true);
            caption.getStyleClass().add("tile-caption");
            live = new VBox(8);
            live.setAlignment(Pos.CENTER);
            live.setMaxWidth(ThumbnailCache.SIZE - 16);
        }
        return live;
    }

    private BusyIndicator spinner() {
        if (spinner == null) {
            spinner = new BusyIndicator(36);
        }
        return spinner;
    }

    private void markSelected() {
        Tile selected = gallery.selectedProperty().get();
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"),
                selected != null && getItem() != null && selected.key().equals(getItem().key()));
    }
}
