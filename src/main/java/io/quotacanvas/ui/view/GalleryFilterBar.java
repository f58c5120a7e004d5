package io.quotacanvas.ui.view;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.viewmodel.CreateViewModel;
import io.quotacanvas.ui.viewmodel.GalleryFilters;
import io.quotacanvas.ui.viewmodel.RunNames;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// The gallery's filters: search, favourites, order and the count on the first row; provider, model,
/// aspect ratio, date range, seed and the run being shown on a second row that the Filters button opens
/// (it stays open while any of them is set, so a narrowed gallery always says why).
final class GalleryFilterBar {
    private final GalleryFilters filters;
    private final ReadOnlyIntegerProperty total;
    private final List<ProviderInfo> providers;
    private final I18n i18n;

    GalleryFilterBar(GalleryFilters filters, ReadOnlyIntegerProperty total, List<ProviderInfo> providers, I18n i18n) {
        this.filters = filters;
        this.total = total;
        this.providers = providers;
        this.i18n = i18n;
    }

    Node build() {
        ToggleButton more = new ToggleButton(null, new FontIcon(MaterialDesignF.FILTER_VARIANT));
        more.setId("filters-toggle");
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.textProperty().bind(i18n.text(() -> filters.activeCount().get() == 0 ? i18n.get("gallery.filters")
                : i18n.get("gallery.filtersActive", filters.activeCount().get()), filters.activeCount()));
        VBox box = new VBox(6, createFirstRow(more));
        box.setPadding(new Insets(8));
        // built on first need: its date pickers and combo boxes cost the window's start for nothing otherwise
        var wanted = more.selectedProperty().or(filters.activeCount().greaterThan(0));
        Runnable show = () -> {
            if (wanted.get() && box.getChildren().size() == 1) {
                Node second = createSecondRow();
                second.visibleProperty().bind(wanted);
                second.managedProperty().bind(second.visibleProperty());
                box.getChildren().add(second);
            }
        };
        wanted.addListener(o -> show.run());
        box.setUserData(wanted);   // keeps the binding (and its listener) alive with the bar
        show.run();
        return box;
    }

    private Node createFirstRow(ToggleButton more) {
        CustomTextField search = new CustomTextField();
        search.setId("search");
        search.promptTextProperty().bind(i18n.text("gallery.search"));
        search.textProperty().bindBidirectional(filters.searchProperty());
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.setPrefWidth(160);
        search.setMinWidth(90);
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton favourites = new ToggleButton(null, new FontIcon(MaterialDesignS.STAR));
        favourites.setId("favourites-only");
        favourites.setMinWidth(Region.USE_PREF_SIZE);
        favourites.setTooltip(new Tooltip());
        favourites.getTooltip().textProperty().bind(i18n.text("gallery.favouritesOnly"));
        favourites.selectedProperty().bindBidirectional(filters.favouritesOnlyProperty());
        ComboBox<Boolean> order = new ComboBox<>(FXCollections.observableArrayList(false, true));
        order.setId("sort-order");
        order.setMinWidth(Region.USE_PREF_SIZE);
        order.setValue(filters.oldestFirstProperty().get());
        order.valueProperty().addListener((o, a, now) -> filters.oldestFirstProperty().set(Boolean.TRUE.equals(now)));
        filters.oldestFirstProperty().addListener((o, a, now) -> order.setValue(now));
        order.setButtonCell(labelled(o -> o ? "gallery.oldest" : "gallery.newest"));
        order.setCellFactory(lv -> labelled(o -> o ? "gallery.oldest" : "gallery.newest"));
        Label count = new Label();
        count.setId("gallery-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(i18n.text(() -> i18n.get("gallery.count", total.get()), total));
        HBox row = new HBox(6, search, favourites, order, more, count);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node createSecondRow() {
        ComboBox<ProviderId> provider = new ComboBox<>(FXCollections.observableArrayList(
                providers.stream().map(ProviderInfo::id).toList()));
        provider.getItems().addFirst(null);
        provider.setId("provider-filter");
        provider.valueProperty().bindBidirectional(filters.providerProperty());
        provider.setButtonCell(anyCell("gallery.anyProvider"));
        provider.setCellFactory(lv -> anyCell("gallery.anyProvider"));
        ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList(
                providers.stream().flatMap(p -> p.models().stream()).distinct().toList()));
        model.getItems().addFirst(null);
        model.setId("model-filter");
        model.valueProperty().bindBidirectional(filters.modelProperty());
        model.setButtonCell(anyCell("gallery.anyModel"));
        model.setCellFactory(lv -> anyCell("gallery.anyModel"));
        ComboBox<String> aspect = new ComboBox<>(FXCollections.observableArrayList(
                CreateViewModel.RATIOS.stream().map(AspectRatio::label).toList()));
        aspect.getItems().addFirst(null);
        aspect.setId("aspect-filter");
        aspect.valueProperty().bindBidirectional(filters.aspectRatioProperty());
        aspect.setButtonCell(anyCell("gallery.anyAspect"));
        aspect.setCellFactory(lv -> anyCell("gallery.anyAspect"));
        FlowPane row = new FlowPane(6, 6, provider, model, aspect, dates(), seed(), runChip(), clear());
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("filter-row");
        return row;
    }

    private Node dates() {
        DatePicker from = new DatePicker();
        from.setId("date-from");
        from.setPrefWidth(128);
        from.promptTextProperty().bind(i18n.text("gallery.from"));
        from.valueProperty().bindBidirectional(filters.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("date-to");
        to.setPrefWidth(128);
        to.promptTextProperty().bind(i18n.text("gallery.to"));
        to.valueProperty().bindBidirectional(filters.toProperty());
        Label dash = new Label("–");
        HBox box = new HBox(4, from, dash, to);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node seed() {
        TextField seed = new TextField();
        seed.setId("seed-filter");
        seed.setPrefColumnCount(7);
        seed.promptTextProperty().bind(i18n.text("gallery.seed"));
        seed.textProperty().bindBidirectional(filters.seedProperty());
        filters.seedValid().addListener((o, was, ok) -> seed.pseudoClassStateChanged(Styles.STATE_DANGER, !ok));
        return seed;
    }

    private Node runChip() {
        Label text = new Label();
        text.setId("run-filter");
        text.textProperty().bind(i18n.text(() -> filters.runProperty().get() == null ? ""
                : RunNames.describe(filters.runProperty().get(), i18n, java.time.ZoneId.systemDefault()),
                filters.runProperty()));
        text.setTooltip(new Tooltip());
        text.getTooltip().textProperty().bind(filters.runProperty());
        text.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("run-filter-clear");
        close.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.BUTTON_ICON);
        close.setOnAction(e -> filters.runProperty().set(null));
        HBox chip = new HBox(2, text, close);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("filter-chip");
        chip.visibleProperty().bind(filters.runProperty().isNotNull());
        chip.managedProperty().bind(chip.visibleProperty());
        return chip;
    }

    private Node clear() {
        Button clear = new Button();
        clear.setId("filters-clear");
        clear.textProperty().bind(i18n.text("gallery.clearFilters"));
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.disableProperty().bind(filters.activeCount().isEqualTo(0));
        clear.setOnAction(e -> filters.clear());
        return clear;
    }

    private <T> ListCell<T> labelled(java.util.function.Function<T, String> key) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(i18n.text(key.apply(item)));
                }
            }
        };
    }

    private <T> ListCell<T> anyCell(String anyKey) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    textProperty().bind(i18n.text(anyKey));
                } else {
                    setText(item.toString());
                }
            }
        };
    }
}
