package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.CompareViewModel;
import io.quotacanvas.ui.viewmodel.PairChoice;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/// The pairs a comparison can include: one check box per (provider, model) with its readiness ("2 tokens
/// ready", "public Spaces", "no ready token"), and buttons for every ready pair, none, and re-reading.
final class ComparePicker {
    private final CompareViewModel compare;
    private final I18n i18n;

    ComparePicker(CompareViewModel compare, I18n i18n) {
        this.compare = compare;
        this.i18n = i18n;
    }

    Node build() {
        ListView<PairChoice> list = new ListView<>(compare.choices());
        list.setId("compare-pairs");
        list.setPrefHeight(176);
        list.setMinHeight(96);
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(lv -> new PairCell());
        Label empty = new Label();
        empty.textProperty().bind(i18n.text(() -> i18n.get(compare.loadingChoicesProperty().get()
                ? "compare.loading" : "compare.noPairs"), compare.loadingChoicesProperty()));
        CreatePanel.flowing(empty);
        list.setPlaceholder(empty);
        Button ready = button("compare-ready", "compare.everyReady", compare::chooseReady);
        ready.setGraphic(new FontIcon(MaterialDesignC.CHECK_ALL));
        Button none = button("compare-none", "compare.none", compare::chooseNone);
        Button refresh = new Button(null, new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("compare-refresh");
        refresh.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        refresh.setOnAction(e -> compare.refreshChoices());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(4, ready, none, grow, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, list, buttons);
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.getStyleClass().addAll(Styles.SMALL);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /// `[x] gitee · z-image-turbo` over its readiness, muted when nothing can run it now.
    private final class PairCell extends ListCell<PairChoice> {
        private final CheckBox box = new CheckBox();
        private final Label readiness = new Label();
        private final VBox content = new VBox(0, box, readiness);
        private PairChoice bound;

        PairCell() {
            readiness.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            readiness.setPadding(new javafx.geometry.Insets(0, 0, 0, 24));
            box.setMnemonicParsing(false);
        }

        @Override
        protected void updateItem(PairChoice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.chosenProperty());
                bound = null;
            }
            if (empty || item == null) {
                readiness.textProperty().unbind();
                setGraphic(null);
                return;
            }
            bound = item;
            box.setId("pair-" + item.provider().wireName() + "-" + item.model());
            box.setText(item.provider().wireName() + " · " + item.model());
            box.selectedProperty().bindBidirectional(item.chosenProperty());
            var r = item.readiness();
            readiness.textProperty().bind(r.readyTokens() > 0 ? i18n.text("compare.readyTokens", r.readyTokens())
                    : i18n.text(r.anonymousReady() ? "compare.readyAnonymous" : "compare.notReady"));
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unready"), !item.ready());
            setGraphic(content);
        }
    }
}
