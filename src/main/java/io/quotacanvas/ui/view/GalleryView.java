package io.quotacanvas.ui.view;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.ThumbnailCache;
import io.quotacanvas.ui.control.TileCell;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// The gallery: search and filters above a virtualised grid of tiles, an empty-state hint, and the undo
/// bar after a delete (the delete is committed when the bar times out).
public final class GalleryView {
    static final Duration UNDO_WINDOW = Duration.seconds(8);

    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final List<ProviderInfo> providers;
    private final I18n i18n;
    private final Consumer<Tile> open;

    public GalleryView(GalleryViewModel gallery, ThumbnailCache thumbnails, List<ProviderInfo> providers, I18n i18n,
                       Consumer<Tile> open) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        this.providers = providers;
        this.i18n = i18n;
        this.open = open;
    }

    public Node build() {
        BorderPane pane = new BorderPane();
        pane.setTop(createFilters());
        pane.setCenter(new StackPane(createGrid(), createEmptyHint()));
        pane.setBottom(createUndoBar());
        pane.getStyleClass().add("gallery");
        return pane;
    }

    private Node createFilters() {
        CustomTextField search = new CustomTextField();
        search.setId("search");
        search.promptTextProperty().bind(i18n.text("gallery.search"));
        search.textProperty().bindBidirectional(gallery.searchProperty());
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.setPrefWidth(180);
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton favourites = new ToggleButton(null, new FontIcon(MaterialDesignS.STAR));
        favourites.setId("favourites-only");
        favourites.selectedProperty().bindBidirectional(gallery.favouritesOnlyProperty());
        ComboBox<ProviderId> provider = new ComboBox<>(FXCollections.observableArrayList(
                providers.stream().map(ProviderInfo::id).toList()));
        provider.getItems().addFirst(null);
        provider.setId("provider-filter");
        provider.valueProperty().bindBidirectional(gallery.providerFilterProperty());
        provider.setButtonCell(anyCell("gallery.anyProvider"));
        provider.setCellFactory(lv -> anyCell("gallery.anyProvider"));
        ComboBox<String> model = new ComboBox<>(FXCollections.observableArrayList(
                providers.stream().flatMap(p -> p.models().stream()).distinct().toList()));
        model.getItems().addFirst(null);
        model.setId("model-filter");
        model.valueProperty().bindBidirectional(gallery.modelFilterProperty());
        model.setButtonCell(anyCell("gallery.anyModel"));
        model.setCellFactory(lv -> anyCell("gallery.anyModel"));
        Label count = new Label();
        count.setId("gallery-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        provider.setPrefWidth(130);
        model.setPrefWidth(130);
        count.textProperty().bind(i18n.text(() -> i18n.get("gallery.count", gallery.totalProperty().get()),
                gallery.totalProperty()));
        HBox bar = new HBox(6, search, favourites, provider, model, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
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

    private Node createGrid() {
        GridView<Tile> grid = new GridView<>(gallery.tiles());
        grid.setId("gallery-grid");
        grid.setCellWidth(ThumbnailCache.SIZE + 8);
        grid.setCellHeight(ThumbnailCache.SIZE + 8);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new TileCell(gallery, thumbnails, i18n, open));
        grid.setFocusTraversable(true);
        grid.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && gallery.selectedProperty().get() != null) {
                open.accept(gallery.selectedProperty().get());
            }
        });
        return grid;
    }

    private Node createEmptyHint() {
        Label hint = new Label();
        hint.setId("gallery-empty");
        hint.textProperty().bind(i18n.text("gallery.empty"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.visibleProperty().bind(gallery.empty().and(gallery.loadingProperty().not()));
        hint.setMouseTransparent(true);
        return hint;
    }

    private Node createUndoBar() {
        Label text = new Label();
        text.textProperty().bind(i18n.text("gallery.deleted"));
        Button undo = new Button();
        undo.setId("undo-delete");
        undo.textProperty().bind(i18n.text("gallery.undo"));
        undo.getStyleClass().add(Styles.FLAT);
        undo.setOnAction(e -> gallery.undoDelete());
        HBox bar = new HBox(12, text, undo);
        bar.setId("undo-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.getStyleClass().add("undo-bar");
        bar.visibleProperty().bind(gallery.pendingDeleteProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        PauseTransition window = new PauseTransition(UNDO_WINDOW);
        window.setOnFinished(e -> gallery.commitPendingDelete());
        gallery.pendingDeleteProperty().addListener((o, a, now) -> {
            if (now != null) {
                window.playFromStart();
            } else {
                window.stop();
            }
        });
        return bar;
    }
}
