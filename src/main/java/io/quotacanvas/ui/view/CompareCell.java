package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.BusyIndicator;
import io.quotacanvas.ui.control.ChainCell;
import io.quotacanvas.ui.control.OutcomeIcons;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.CompareViewModel;
import io.quotacanvas.ui.viewmodel.RunSlot;
import io.quotacanvas.ui.viewmodel.Tile;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// One pair of a comparison: its name, the image (or a spinner with the current step, or the failure in
/// place), how long it took, Keep (favourite) and Rerun, and its fallback chain.
final class CompareCell {
    static final double PICTURE = 220;
    static final double WIDTH = 286;

    private final RunSlot slot;
    private final CompareViewModel compare;
    private final I18n i18n;
    private final ZoneId zone;
    private final StackPane picture = new StackPane();
    private final Button keep = new Button();
    private final Label fallback = new Label();
    // held here, added weakly: a new comparison drops these cells while the run may stay listed
    private final javafx.beans.value.ChangeListener<Tile> onState = (o, a, now) -> render(now);

    CompareCell(RunSlot slot, CompareViewModel compare, I18n i18n, ZoneId zone) {
        this.slot = slot;
        this.compare = compare;
        this.i18n = i18n;
        this.zone = zone;
    }

    Node build() {
        Label name = new Label((slot.provider() == null ? "auto" : slot.provider().wireName()) + " · " + slot.model());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(0);
        picture.setMinSize(PICTURE, PICTURE);
        picture.setPrefSize(PICTURE, PICTURE);
        picture.setMaxSize(PICTURE, PICTURE);
        picture.getStyleClass().add("compare-picture");
        slot.tile().stateProperty().addListener(new javafx.beans.value.WeakChangeListener<>(onState));
        render(slot.tile().now());
        fallback.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        fallback.setId("compare-fallback-" + slot.index());
        CreatePanel.flowing(fallback);
        fallback.managedProperty().bind(fallback.visibleProperty());
        fallback.setVisible(false);
        StackPane centred = new StackPane(picture);
        VBox box = new VBox(6, name, centred, fallback, createFooter(), createChain());
        box.setPadding(new Insets(8));
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.getStyleClass().add("compare-cell");
        box.setId("compare-cell-" + slot.index());
        box.setUserData(this);   // keeps the weak listener's target alive as long as the cell is shown
        return box;
    }

    private void render(Tile state) {
        switch (state) {
            case Tile.Stored s -> {
                ImageView view = new ImageView(new Image(s.image().path().toUri().toString(), PICTURE, PICTURE, true,
                        true, true));
                view.setId("compare-image-" + slot.index());
                picture.getChildren().setAll(view);
                keep.setGraphic(new FontIcon(s.image().favourite() ? MaterialDesignS.STAR : MaterialDesignS.STAR_OUTLINE));
                keep.pseudoClassStateChanged(Styles.STATE_ACCENT, s.image().favourite());
                // the engine may fall back to another model of the provider: a comparison must say so
                String made = s.image().metadata().model();
                boolean other = made != null && !made.equals(slot.model());
                fallback.textProperty().unbind();
                if (other) {
                    fallback.textProperty().bind(i18n.text("compare.fallback", made));
                }
                fallback.setVisible(other);
            }
            case Tile.Running r -> picture.getChildren().setAll(message(new BusyIndicator(36),
                    r.step().isEmpty() ? i18n.get("tile.queued") : r.step(), null));   // fleeting: not relabelled
            case Tile.Failed f -> picture.getChildren().setAll(message(OutcomeIcons.forOutcome(f.errorType()),
                    label(f.errorType()), f.message()));
            default -> { }
        }
        keep.setDisable(!(state instanceof Tile.Stored));
        if (!(state instanceof Tile.Stored)) {
            fallback.setVisible(false);
        }
    }

    private String label(String errorType) {
        String key = "outcome." + errorType;
        String text = i18n.get(key);
        return text.equals(key) ? errorType : text;
    }

    private Node message(Node icon, String headline, String detail) {
        Label head = new Label(headline);
        head.setWrapText(true);
        head.getStyleClass().add("tile-caption");
        VBox box = new VBox(8, icon, head);
        if (detail != null && !detail.isBlank()) {
            Label more = new Label(detail);
            more.setWrapText(true);
            more.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            more.setId("compare-failure-" + slot.index());
            box.getChildren().add(more);
        }
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(PICTURE - 16);
        return box;
    }

    private Node createFooter() {
        Label elapsed = new Label();
        elapsed.setId("compare-elapsed-" + slot.index());
        elapsed.textProperty().bind(compare.elapsed(slot));
        elapsed.getStyleClass().add(Styles.TEXT_SMALL);
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        keep.setId("compare-keep-" + slot.index());
        keep.textProperty().bind(i18n.text("compare.keep"));
        keep.setGraphic(new FontIcon(MaterialDesignS.STAR_OUTLINE));
        keep.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setTooltip(new Tooltip());
        keep.getTooltip().textProperty().bind(i18n.text("compare.keepHint"));
        keep.setOnAction(e -> compare.keep(slot));
        Button rerun = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        rerun.setId("compare-rerun-" + slot.index());
        rerun.textProperty().bind(i18n.text("compare.rerun"));
        rerun.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        rerun.setMinWidth(Region.USE_PREF_SIZE);
        rerun.disableProperty().bind(slot.elapsedMsProperty().lessThan(0));
        rerun.setOnAction(e -> compare.rerun(slot));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(4, elapsed, grow, keep, rerun);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node createChain() {
        ListView<ChainRow> list = new ListView<>(slot.chain());
        list.setId("compare-chain-" + slot.index());
        list.setPrefHeight(124);
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "chain-list");
        list.setCellFactory(l -> new ChainCell(i18n, zone));
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("compare.chainEmpty"));
        empty.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        return list;
    }
}
