package io.quotacanvas.ui.control;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// What a tile shows, for a grid cell ([TileCell]) or a tile of the running strip ([StripTile]): a thumbnail
/// (with a star for favourites), a still clock while a run's image waits for its turn, a spinner with the
/// current step while it is made, the failure class and message (and Retry) for a failed one, or nothing
/// while its page loads.
///
/// Cheap to update: the graphic is handed to the host only when the kind of content changes, the nodes of
/// running and failed tiles are made on first need (a tile showing a stored image stays small: fewer nodes,
/// less CSS), and showing the same state again only makes it visible. FX thread only.
public final class TileFace {
    private final ThumbnailCache thumbnails;
    private final I18n i18n;
    private final double size;
    private final Consumer<Node> host;
    private final Runnable retry;
    private final ImageView image = new ImageView();
    private final StackPane picture = new StackPane(image);
    private FontIcon star;
    private BusyIndicator spinner;
    private FontIcon queued;
    private Label caption;
    private Button retryButton;
    private VBox live;
    private Node current;
    private volatile String wanted;
    private Tile rendered;

    /// `size` is the side of the square it draws in; `host` puts a graphic in place (called only when it
    /// changes); `retry` is what a failed tile's Retry does.
    public TileFace(ThumbnailCache thumbnails, I18n i18n, double size, Consumer<Node> host, Runnable retry) {
        this.thumbnails = thumbnails;
        this.i18n = i18n;
        this.size = size;
        this.host = host;
        this.retry = retry;
        image.setFitWidth(size);
        image.setFitHeight(size);
        image.setPreserveRatio(true);
    }

    /// Shows `tile`, a stored, running, failed or pending state (a live tile's `now()`).
    public void show(Tile tile) {
        if (tile.equals(rendered) && current != null) {
            current.setVisible(!(tile instanceof Tile.Pending));
            if (tile instanceof Tile.Stored s) {
                // hidden in between (the grid empties its cells on every change): want the thumbnail again
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
            case Tile.Running r when r.step().isEmpty() -> showLive(i18n.get("tile.queued"), queuedIcon(), false);
            case Tile.Running r -> showLive(r.step(), spinner(), false);
            case Tile.Failed f -> showLive(outcome(f.errorType()) + "\n" + (f.message() == null ? "" : f.message()),
                    OutcomeIcons.forOutcome(f.errorType()), true);
            case Tile.Pending p -> showPending();
            case Tile.Live l -> throw new IllegalStateException("a live tile's state is never live");
        }
    }

    /// The host shows nothing for now: the graphic hides and no thumbnail is wanted any more.
    public void hide() {
        wanted = null;
        if (current != null) {
            current.setVisible(false);
        }
    }

    /// Shows `tile` again with words in the current language (a stored image's tile has none).
    public void relabel(Tile tile) {
        if (!(rendered instanceof Tile.Stored) && !(rendered instanceof Tile.Pending)) {
            rendered = null;
            show(tile);
        }
    }

    /// "provider error" for `provider_error`; a class without a translation reads as it is.
    private String outcome(String errorType) {
        String key = "outcome." + errorType;
        String text = i18n.get(key);
        return text.equals(key) ? errorType : text;
    }

    private void showStored(Tile.Stored s) {
        wanted = s.image().id();
        showStar(s.image().favourite());
        place(picture);
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
        place(picture);
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
        place(box);
    }

    private void place(Node graphic) {
        if (current != graphic) {
            current = graphic;
            host.accept(graphic);
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
            live = new VBox(size < 150 ? 4 : 8);
            live.setAlignment(Pos.CENTER);
            live.setMaxWidth(size - 16);
        }
        return live;
    }

    private Button retryButton() {
        if (retryButton == null) {
            retryButton = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
            retryButton.textProperty().bind(i18n.text("tile.retry"));
            retryButton.getStyleClass().addAll(Styles.SMALL, "tile-retry");
            retryButton.setOnAction(e -> retry.run());
        }
        return retryButton;
    }

    private FontIcon queuedIcon() {
        if (queued == null) {
            queued = new FontIcon(MaterialDesignC.CLOCK_OUTLINE);
            // sized in studio.css: the theme's icon size would win over a size set here
            queued.getStyleClass().addAll("outcome-neutral", "tile-queued");
        }
        return queued;
    }

    private BusyIndicator spinner() {
        if (spinner == null) {
            spinner = new BusyIndicator(size < 150 ? 28 : 36);
        }
        return spinner;
    }
}
