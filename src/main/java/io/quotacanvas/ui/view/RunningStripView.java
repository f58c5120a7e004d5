package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.PacedChildren;
import io.quotacanvas.ui.control.StripTile;
import io.quotacanvas.ui.control.ThumbnailCache;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.RunningStrip;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/// The strip of the runs' images above the gallery's grid: a title ("3 images in progress", "1 image not
/// made"), a hint, Dismiss for failed images, and one [StripTile] per image in a row that scrolls sideways.
/// Hidden while empty.
///
/// The row follows the strip tile by tile ([PacedChildren]): a batch going in makes its own tiles and
/// touches nothing else, [#TILES_PER_FRAME] a frame from the frame after the queue's new row (QueueView, the
/// third after Generate), so a batch of 8 fills in over four frames and the FX thread never spends a long
/// frame on them; tiles that leave go at once (their images join the grid in that same frame).
final class RunningStripView {
    static final int TILES_PER_FRAME = 2;

    private final GalleryViewModel gallery;
    private final RunningStrip strip;
    private final ThumbnailCache thumbnails;
    private final I18n i18n;
    private final Consumer<Tile> open;
    private final Consumer<Tile> retry;
    private final HBox row = new HBox(4);

    RunningStripView(GalleryViewModel gallery, ThumbnailCache thumbnails, I18n i18n, Consumer<Tile> open,
                     Consumer<Tile> retry) {
        this.gallery = gallery;
        this.strip = gallery.running();
        this.thumbnails = thumbnails;
        this.i18n = i18n;
        this.open = open;
        this.retry = retry;
    }

    Node build() {
        row.setId("running-strip-tiles");
        row.setAlignment(Pos.CENTER_LEFT);
        new PacedChildren<>(strip.tiles(), row, t -> new StripTile(t, gallery, thumbnails, i18n, open, retry),
                n -> ((StripTile) n).dispose(), TILES_PER_FRAME, 3);
        VBox box = new VBox(4, createHeader(), createRow());
        box.setId("running-strip");
        box.getStyleClass().add("running-strip");
        box.setPadding(new Insets(4, 8, 6, 8));
        box.visibleProperty().bind(Bindings.isNotEmpty(strip.tiles()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node createHeader() {
        Label title = new Label();
        title.setId("running-strip-title");
        title.getStyleClass().add(Styles.TEXT_CAPTION);
        title.setMinWidth(Region.USE_PREF_SIZE);
        title.textProperty().bind(i18n.text(this::title, strip.runningProperty(), strip.failedProperty()));
        Label hint = new Label();
        hint.setId("running-strip-hint");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setMinWidth(0);
        hint.textProperty().bind(i18n.text(() -> strip.runningProperty().get() > 0 ? i18n.get("strip.hint")
                : i18n.get("strip.failedHint", strip.failedProperty().get()), strip.runningProperty(),
                strip.failedProperty()));
        hint.visibleProperty().bind(strip.runningProperty().greaterThan(0).or(strip.failedProperty().greaterThan(0)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button dismiss = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        dismiss.setId("running-strip-dismiss");
        dismiss.textProperty().bind(i18n.text("strip.dismiss"));
        dismiss.setTooltip(new Tooltip());
        dismiss.getTooltip().textProperty().bind(i18n.text("strip.dismissTip"));
        dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.visibleProperty().bind(strip.failedProperty().greaterThan(0));
        dismiss.managedProperty().bind(dismiss.visibleProperty());
        dismiss.setOnAction(e -> strip.dismissFailed());
        HBox header = new HBox(8, title, hint, grow, dismiss);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setMinHeight(24);
        return header;
    }

    private String title() {
        int running = strip.runningProperty().get();
        if (running > 0) {
            return i18n.get("strip.running", running);
        }
        int failed = strip.failedProperty().get();
        return failed > 0 ? i18n.get("strip.failed", failed) : i18n.get("strip.joining");
    }

    private Node createRow() {
        ScrollPane scroll = new ScrollPane(row);
        scroll.setId("running-strip-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFitToHeight(true);
        scroll.setMinViewportHeight(StripTile.SIZE + 8);
        scroll.setPrefViewportHeight(StripTile.SIZE + 8);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        // a wheel turned over the strip scrolls it sideways (it has nothing to scroll up or down)
        scroll.addEventFilter(ScrollEvent.SCROLL, e -> {
            double width = row.getWidth() - scroll.getViewportBounds().getWidth();
            if (e.getDeltaX() == 0 && e.getDeltaY() != 0 && width > 0) {
                scroll.setHvalue(Math.clamp(scroll.getHvalue() - e.getDeltaY() / width, 0, 1));
                e.consume();
            }
        });
        return scroll;
    }
}
