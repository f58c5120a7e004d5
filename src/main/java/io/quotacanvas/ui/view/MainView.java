package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.AppIcons;
import io.quotacanvas.ui.Confirmations;
import io.quotacanvas.ui.FileChooserPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.ThumbnailCache;
import io.quotacanvas.ui.service.ProviderInfo;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import java.io.File;
import java.time.ZoneId;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/// The main window's content: header, create panel | (gallery / chain), status bar, with the detail view
/// laid over it. A PNG dropped anywhere fills the create panel from its embedded settings.
public final class MainView {
    private final MainViewModel vm;
    private final I18n i18n;
    private final ThumbnailCache thumbnails;
    private final List<ProviderInfo> providers;
    private final FileChooserPort chooser;
    private final Confirmations confirm;
    private final ZoneId zone;
    private final SplitPane main = new SplitPane();
    private final SplitPane right = new SplitPane();
    private final TabPane tabs = new TabPane();
    private StatusBar statusBar;
    private CompareView compareView;

    public MainView(MainViewModel vm, I18n i18n, ThumbnailCache thumbnails, List<ProviderInfo> providers,
                    FileChooserPort chooser, Confirmations confirm, ZoneId zone) {
        this.vm = vm;
        this.i18n = i18n;
        this.thumbnails = thumbnails;
        this.providers = providers;
        this.chooser = chooser;
        this.confirm = confirm;
        this.zone = zone;
    }

    public Parent build() {
        BorderPane shell = new BorderPane();
        shell.setTop(createHeader());
        shell.setCenter(createBody());
        statusBar = new StatusBar(vm.status(), vm.noticeProperty());
        shell.setBottom(statusBar.build());
        Node detail = new DetailView(vm.detail(), i18n, chooser, confirm, zone).build();
        StackPane root = new StackPane(shell, detail);
        // the two-image view is built the first time it opens: nothing of it is needed at start
        vm.imageCompare().showing().addListener((o, was, on) -> {
            if (on && root.lookup("#image-compare") == null) {
                root.getChildren().add(new ImageCompareView(vm.imageCompare(), i18n).build());
            }
        });
        root.setId("studio-root");
        root.getStyleClass().add("studio");
        enableDrop(root);
        return root;
    }

    /// The two split panes, for remembering their dividers.
    public SplitPane mainSplit() {
        return main;
    }

    public SplitPane rightSplit() {
        return right;
    }

    public void stop() {
        if (statusBar != null) {
            statusBar.stop();
        }
        if (compareView != null) {
            compareView.stop();
        }
    }

    /// The right side's tabs (gallery, comparison), for tests and the app.
    public TabPane tabs() {
        return tabs;
    }

    private Node createHeader() {
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.setGraphic(new ImageView(AppIcons.of(24)));
        title.getStyleClass().add(Styles.TITLE_3);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button settings = new Button(null, new FontIcon(MaterialDesignC.COG_OUTLINE));
        settings.setId("open-settings");
        settings.textProperty().bind(i18n.text("settings.open"));
        settings.getStyleClass().add(Styles.FLAT);
        settings.setOnAction(e -> new SettingsDialog(vm.settings(), i18n).create(settings.getScene().getWindow())
                .showAndWait());
        Button tokens = new Button(null, new FontIcon(MaterialDesignK.KEY_CHAIN_VARIANT));
        tokens.setId("open-tokens");
        tokens.textProperty().bind(i18n.text("tokens.open"));
        tokens.getStyleClass().add(Styles.FLAT);
        tokens.setOnAction(e -> vm.status().openTokenManager(null));
        HBox header = new HBox(8, title, grow, tokens, settings, createHelp());
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(6, 12, 6, 12));
        header.getStyleClass().add("header");
        return header;
    }

    /// Help: the welcome panel again, and About.
    private Node createHelp() {
        MenuItem welcome = new MenuItem();
        welcome.setId("help-welcome");
        welcome.textProperty().bind(i18n.text("help.welcome"));
        welcome.setOnAction(e -> vm.welcome().show());
        MenuItem about = new MenuItem();
        about.setId("help-about");
        about.textProperty().bind(i18n.text("help.about"));
        MenuButton help = new MenuButton(null, new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE), welcome, about);
        about.setOnAction(e -> new AboutDialog(vm.about(), i18n).create(help.getScene().getWindow()).show());
        help.setId("open-help");
        help.textProperty().bind(i18n.text("help.open"));
        help.getStyleClass().add(Styles.FLAT);
        return help;
    }

    private Node createBody() {
        Node gallery = new GalleryView(vm.gallery(), thumbnails, providers, i18n, vm::open,
                vm.generation()::retry, galleryActions()).build();
        Node chain = new ChainView(vm.chain(), i18n, zone, "chain").build();
        right.setOrientation(Orientation.VERTICAL);
        right.getItems().setAll(gallery, chain);
        right.setDividerPositions(0.68);
        compareView = new CompareView(vm.compare(), i18n, zone, chooser);
        Node create = new CreatePanel(vm.create(), vm.generation(), vm.compare(), vm.status(), i18n).build();
        // the first-run panel covers gallery and chain (both empty then) and leaves the create panel usable
        StackPane work = new StackPane(createTabs(right, compareView),
                new WelcomeView(vm.welcome(), i18n).build());
        main.getItems().setAll(create, work);
        main.setDividerPositions(0.28);
        SplitPane.setResizableWithParent(create, false);
        return main;
    }

    /// Gallery | Comparison. Switching the create panel to compare mode, or starting a comparison, shows the
    /// comparison; showing a run in the gallery shows the gallery.
    private Node createTabs(Node gallery, CompareView comparison) {
        Tab galleryTab = new Tab(null, gallery);
        galleryTab.setId("tab-gallery");
        galleryTab.textProperty().bind(i18n.text("tab.gallery"));
        galleryTab.setGraphic(new FontIcon(MaterialDesignI.IMAGE_MULTIPLE_OUTLINE));
        // the comparison is built the first time its tab shows
        Tab compareTab = new Tab();
        compareTab.selectedProperty().addListener((o, was, on) -> {
            if (on && compareTab.getContent() == null) {
                compareTab.setContent(comparison.build());
            }
        });
        compareTab.setId("tab-compare");
        compareTab.textProperty().bind(i18n.text("tab.compare"));
        compareTab.setGraphic(new FontIcon(MaterialDesignV.VIEW_GRID_OUTLINE));
        tabs.getTabs().setAll(galleryTab, compareTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        vm.compare().activeProperty().addListener((o, was, on) -> tabs.getSelectionModel().select(on ? compareTab
                : galleryTab));
        vm.compare().runProperty().addListener((o, a, run) -> tabs.getSelectionModel().select(compareTab));
        vm.gallery().filters().runProperty().addListener((o, a, run) -> {
            if (run != null) {
                tabs.getSelectionModel().select(galleryTab);
            }
        });
        return tabs;
    }

    private GalleryView.Actions galleryActions() {
        return new GalleryView.Actions() {
            @Override
            public FileChooserPort chooser() {
                return chooser;
            }

            @Override
            public Confirmations confirmations() {
                return confirm;
            }

            @Override
            public void compareSelected() {
                vm.compareSelected();
            }

            @Override
            public void exportSelected(java.nio.file.Path target) {
                vm.exportSelected(target);
            }
        };
    }

    private void enableDrop(Node root) {
        root.setOnDragOver(e -> {
            if (firstFile(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            File file = firstFile(e);
            if (file != null) {
                vm.drop(file.toPath());
            }
            e.setDropCompleted(file != null);
            e.consume();
        });
    }

    private static File firstFile(DragEvent e) {
        var files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.<File>of();
        return files.isEmpty() ? null : files.getFirst();
    }
}
