package io.quotacanvas.ui.control;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// One gallery tile: a thumbnail (with a star for favourites), a spinner with the current step for a
/// running image, the failure class and message (and Retry) for a failed one, or nothing while its page
/// loads. A click selects (Shift: a range, Ctrl/Cmd: one more); a double click opens.
///
/// Cheap to update, because the grid updates every visible cell whenever its list changes (a run's tiles
/// going in, a page arriving): the graphic is swapped only when the kind of content changes, an emptied
/// cell only hides it, and the tile's key lives in the user data, not the CSS id (a new id restyles the
/// whole cell).
public final class TileCell extends GridCell<Tile> {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final I18n i18n;
    private final Consumer<Tile> retry;
    private final ImageView image = new ImageView();
    private final StackPane picture = new StackPane(image);
    // made on first need: a cell showing a stored image stays small (fewer nodes, less CSS)
    private FontIcon star;
    private BusyIndicator spinner;
    private Label caption;
    private Button retryButton;
    private VBox live;
    private volatile String wanted;
    private Tile rendered;
    private Tile.Live watched;
    private final InvalidationListener onSelection = o -> markSelected();
    private final InvalidationListener onLiveChange = o -> render(watched.now());

    public TileCell(GalleryViewModel gallery, ThumbnailCache thumbnails, I18n i18n, Consumer<Tile> open,
                    Consumer<Tile> retry) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        this.i18n = i18n;
        this.retry = retry;
        getStyleClass().add("tile");
        image.setFitWidth(ThumbnailCache.SIZE);
        image.setFitHeight(ThumbnailCache.SIZE);
        image.setPreserveRatio(true);
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

    // a running or failed tile's words follow the language (a stored image's tile has none)
    private final InvalidationListener onLocale = o -> {
        if (getItem() != null && !(rendered instanceof Tile.Stored) && !(rendered instanceof Tile.Pending)) {
            rendered = null;
            render(getItem().now());
        }
    };

    @Override
    protected void updateItem(Tile tile, boolean empty) {
        super.updateItem(tile, empty);
        if (empty || tile == null) {
            watch(null);
            wanted = null;
            setUserData(null);
            if (getGraphic() != null) {
                getGraphic().setVisible(false);
            }
            markSelected();
            return;
        }
        watch(tile instanceof Tile.Live l ? l : null);
        render(tile.now());
        markSelected();
        if (tile instanceof Tile.Pending) {
            gallery.ensureLoaded(getIndex());
        }
    }

    private void watch(Tile.Live l) {
        if (watched == l) {
            return;
        }
        if (watched != null) {
            watched.stateProperty().removeListener(onLiveChange);
        }
        watched = l;
        if (l != null) {
            l.stateProperty().addListener(onLiveChange);
        }
    }

    private void render(Tile tile) {
        setUserData(tile.key());
        if (tile.equals(rendered) && getGraphic() != null) {
            getGraphic().setVisible(!(tile instanceof Tile.Pending));
            if (tile instanceof Tile.Stored s) {
                // emptied in between (the grid does that on every change): want the thumbnail again
                wanted = s.image().id();
                if (image.getImage() == null) {
                    loadThumbnail(s);
                }
            }
            return;
        }
        rendered = tile;
        switch (tile) {
            case Tile.Stored s -> showStored(s);
            case Tile.Running r -> showLive(r.step().isEmpty() ? i18n.get("tile.queued") : r.step(), spinner(), false);
            case Tile.Failed f -> showLive(outcome(f.errorType()) + "\n" + (f.message() == null ? "" : f.message()),
                    OutcomeIcons.forOutcome(f.errorType()), true);
            case Tile.Pending p -> showPending();
            case Tile.Live l -> throw new IllegalStateException("a live tile's state is never live");
        }
        markSelected();
    }

    /// "provider error" for `provider_error`; a class without a translation reads as it is.
    private String outcome(String errorType) {
        String key = "outcome." + errorType;
        String text = i18n.get(key);
        return text.equals(key) ? errorType : text;
    }

    private void showStored(Tile.Stored s) {
        String id = s.image().id();
        wanted = id;
        showStar(s.image().favourite());
        show(picture);
        image.setImage(null);
        loadThumbnail(s);
    }

    private void loadThumbnail(Tile.Stored s) {
        String id = s.image().id();
        var hit = thumbnails.cached(id);
        if (hit != null) {
            image.setImage(hit);
            return;
        }
        thumbnails.request(s.image(), () -> id.equals(wanted), thumb -> {
            if (id.equals(wanted)) {
                image.setImage(thumb);
            }
        });
    }

    private void showPending() {
        wanted = null;
        image.setImage(null);
        showStar(false);
        show(picture);
        picture.setVisible(false);
    }

    private void showLive(String text, Node icon, boolean failed) {
        wanted = null;
        VBox box = liveBox();
        if (failed) {
            box.getChildren().setAll(icon, caption, retryButton());
        } else {
            box.getChildren().setAll(icon, caption);
        }
        caption.setText(text);
        show(box);
    }

    private void show(Node graphic) {
        if (getGraphic() != graphic) {
            setGraphic(graphic);
        }
        graphic.setVisible(true);
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

    private Button retryButton() {
        if (retryButton == null) {
            retryButton = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
            retryButton.textProperty().bind(i18n.text("tile.retry"));
            retryButton.getStyleClass().addAll(Styles.SMALL, "tile-retry");
            retryButton.setOnAction(e -> {
                if (getItem() != null) {
                    retry.accept(getItem());
                }
            });
        }
        return retryButton;
    }

    private BusyIndicator spinner() {
        if (spinner == null) {
            spinner = new BusyIndicator(36);
        }
        return spinner;
    }

    private void markSelected() {
        Tile item = getItem();
        boolean on = false;
        if (item != null && !isEmpty()) {
            Tile now = item.now();
            Tile current = gallery.selectedProperty().get();
            on = now instanceof Tile.Stored s ? gallery.selection().contains(s.image().id())
                    : current != null && current.key().equals(item.key());
        }
        pseudoClassStateChanged(SELECTED, on);
    }
}
