package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.Confirmations;
import io.quotacanvas.ui.FileChooserPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.ThumbnailCache;
import io.quotacanvas.ui.control.TileCell;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.viewmodel.GalleryViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.GridView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// The gallery: filters, the strip of the runs' images ([RunningStripView]: a batch going in never changes
/// the grid) above a virtualised grid of tiles, the selection bar (favourite, export, compare, delete the
/// selected images), an empty-state hint, and the undo bar after a delete (the delete is committed when the
/// bar times out). Keys: Ctrl/Cmd+A selects all, Delete deletes the selection (after
/// confirming), Enter opens the current image, Escape clears the selection.
public final class GalleryView {
    static final Duration UNDO_WINDOW = Duration.seconds(8);

    private final GalleryViewModel gallery;
    private final ThumbnailCache thumbnails;
    private final List<ProviderInfo> providers;
    private final I18n i18n;
    private final Consumer<Tile> open;
    private final Consumer<Tile> retry;
    private final Actions actions;
    private final BorderPane pane = new BorderPane();

    /// What the selection bar does beyond the gallery itself (the window owns dialogs and overlays).
    public interface Actions {
        FileChooserPort chooser();

        Confirmations confirmations();

        void compareSelected();

        void exportSelected(Path target);
    }

    public GalleryView(GalleryViewModel gallery, ThumbnailCache thumbnails, List<ProviderInfo> providers, I18n i18n,
                       Consumer<Tile> open, Consumer<Tile> retry, Actions actions) {
        this.gallery = gallery;
        this.thumbnails = thumbnails;
        this.providers = providers;
        this.i18n = i18n;
        this.open = open;
        this.retry = retry;
        this.actions = actions;
    }

    public Node build() {
        pane.setTop(new javafx.scene.layout.VBox(
                new GalleryFilterBar(gallery.filters(), gallery.totalProperty(), providers, i18n).build(),
                new RunningStripView(gallery, thumbnails, i18n, open, retry).build()));
        // the selection bar floats over the grid: appearing on a click, it must not move the tile under the
        // pointer (the second click of a double click would land on another tile)
        StackPane center = new StackPane(createGrid(), createEmptyHint());
        pane.setCenter(center);
        // built at the first selection: the window's start needs none of it
        gallery.selection().sizeProperty().addListener(o -> {
            if (gallery.selection().size() > 0 && center.getChildren().size() == 2) {
                Node selectionBar = createSelectionBar();
                StackPane.setAlignment(selectionBar, Pos.BOTTOM_CENTER);
                StackPane.setMargin(selectionBar, new Insets(0, 12, 12, 12));
                center.getChildren().add(selectionBar);
            }
        });
        pane.setBottom(createUndoBar());
        pane.getStyleClass().add("gallery");
        pane.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        return pane;
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.A && (e.isShortcutDown() || e.isControlDown())) {
            gallery.selectAll();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            deleteSelection();
        } else if (e.getCode() == KeyCode.ESCAPE && gallery.selection().size() > 0) {
            gallery.clearSelection();
        } else if (e.getCode() == KeyCode.ENTER && gallery.selectedProperty().get() != null) {
            open.accept(gallery.selectedProperty().get());
        } else {
            return;
        }
        e.consume();
    }

    private Node createSelectionBar() {
        Label count = new Label();
        count.setId("selection-count");
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.textProperty().bind(i18n.text(() -> i18n.get("selection.count", gallery.selection().size()),
                gallery.selection().sizeProperty()));
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("selection.openHint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setId("selection-hint");
        hint.setMinWidth(0);
        hint.visibleProperty().bind(gallery.selection().sizeProperty().isEqualTo(1));
        hint.managedProperty().bind(hint.visibleProperty());
        Button favourite = barButton("selection-favourite", "selection.favourite", MaterialDesignS.STAR_OUTLINE,
                gallery::toggleFavouriteSelection);
        MenuButton export = createExportMenu();
        Button compare = barButton("selection-compare", "selection.compare", MaterialDesignC.COMPARE,
                actions::compareSelected);
        compare.disableProperty().bind(gallery.selection().sizeProperty().isNotEqualTo(2));
        Button delete = barButton("selection-delete", "selection.delete", MaterialDesignD.DELETE_OUTLINE,
                this::deleteSelection);
        Button clear = barButton("selection-clear", "selection.clear", MaterialDesignC.CLOSE,
                gallery::clearSelection);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actionsRow = new HBox(4, count, grow, favourite, export, compare, delete, clear);
        actionsRow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(0, hint, actionsRow);
        bar.setId("selection-bar");
        bar.getStyleClass().add("selection-bar");
        bar.setPadding(new Insets(4, 8, 4, 12));
        bar.setMaxHeight(Region.USE_PREF_SIZE);
        bar.setMaxWidth(Region.USE_PREF_SIZE);
        bar.setMinWidth(0);   // an overlay: it must not make the gallery (and the window's split) wider
        bar.visibleProperty().bind(gallery.selection().sizeProperty().greaterThan(0));
        return bar;
    }

    private Button barButton(String id, String key, Ikon icon, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip());
        b.getTooltip().textProperty().bind(i18n.text(key));
        b.textProperty().bind(i18n.text(key));
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private MenuButton createExportMenu() {
        MenuItem folder = new MenuItem();
        folder.setId("export-folder");
        folder.textProperty().bind(i18n.text("selection.exportFolder"));
        folder.setOnAction(e -> actions.chooser().chooseFolder(window()).ifPresent(actions::exportSelected));
        MenuItem zip = new MenuItem();
        zip.setId("export-zip");
        zip.textProperty().bind(i18n.text("selection.exportZip"));
        zip.setOnAction(e -> actions.chooser().chooseZip(window(),
                "quota-canvas-" + gallery.selection().size() + ".zip").ifPresent(actions::exportSelected));
        MenuButton export = new MenuButton(null, new FontIcon(MaterialDesignE.EXPORT_VARIANT), folder, zip);
        export.setId("selection-export");
        export.textProperty().bind(i18n.text("selection.export"));
        export.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        export.setMinWidth(Region.USE_PREF_SIZE);
        return export;
    }

    private void deleteSelection() {
        int n = gallery.selection().size();
        if (n > 0 && actions.confirmations().ask(window(), i18n.get("selection.confirmDelete", n),
                i18n.get("selection.delete"))) {
            gallery.deleteSelectionWithUndo();
        }
    }

    private javafx.stage.Window window() {
        return pane.getScene() == null ? null : pane.getScene().getWindow();
    }

    private Node createGrid() {
        GridView<Tile> grid = new GridView<>(gallery.tiles());
        grid.setId("gallery-grid");
        grid.setCellWidth(ThumbnailCache.SIZE + 8);
        grid.setCellHeight(ThumbnailCache.SIZE + 8);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new TileCell(gallery, thumbnails, i18n, open, retry));
        grid.setFocusTraversable(true);
        return grid;
    }

    private Node createEmptyHint() {
        Label hint = new Label();
        hint.setId("gallery-empty");
        hint.textProperty().bind(i18n.text(() -> i18n.get(gallery.filters().activeCount().get() > 0
                || gallery.filters().favouritesOnlyProperty().get()
                || !gallery.filters().searchProperty().get().isBlank() ? "gallery.noMatch" : "gallery.empty"),
                gallery.filters().activeCount(), gallery.filters().favouritesOnlyProperty(),
                gallery.filters().searchProperty()));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        CreatePanel.flowing(hint).setMaxHeight(Double.MAX_VALUE);
        hint.setAlignment(Pos.CENTER);
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        hint.setPadding(new Insets(16));
        hint.visibleProperty().bind(gallery.empty().and(gallery.loadingProperty().not()));
        hint.setMouseTransparent(true);
        return hint;
    }

    private Node createUndoBar() {
        Label text = new Label();
        text.textProperty().bind(i18n.text(() -> {
            var p = gallery.pendingDeleteProperty().get();
            return i18n.get("gallery.deleted", p == null ? 1 : p.count());
        }, gallery.pendingDeleteProperty()));
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
