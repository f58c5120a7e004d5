package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.Confirmations;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.ProviderSection;
import io.quotacanvas.ui.viewmodel.TokenManagerViewModel;
import io.quotacanvas.ui.viewmodel.TokenRow;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/// The token manager window (not modal: people watch it while generating): the add form, one section per
/// provider, and the "What can I still generate today?" tab. A timeline moves the countdowns each second
/// and re-reads the vault and ledger every ten; closing hides every revealed token.
public final class TokenManagerDialog {
    private final TokenManagerViewModel vm;
    private final I18n i18n;
    private final TokenRowView rows;
    private final VBox sections = new VBox(8);
    private Timeline ticker;

    public TokenManagerDialog(TokenManagerViewModel vm, I18n i18n, Confirmations confirm) {
        this.vm = vm;
        this.i18n = i18n;
        this.rows = new TokenRowView(vm, i18n, confirm);
    }

    /// A window owned by `owner`, wearing its style sheets; show it with [Stage#show].
    public Stage create(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.titleProperty().bind(i18n.text("tokens.title"));
        Scene scene = new Scene(createContent(), 960, 700);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnShown(e -> startTicker());
        stage.setOnHidden(e -> {
            ticker.stop();
            vm.close();
        });
        return stage;
    }

    private Parent createContent() {
        Tab tokens = new Tab(i18n.get("tokens.tab.tokens"), createTokensTab());
        tokens.setId("tab-tokens");
        Tab quota = new Tab(i18n.get("tokens.tab.quota"), new QuotaPanel(vm.quota(), i18n).build());
        quota.setId("tab-quota");
        TabPane tabs = new TabPane(tokens, quota);
        tabs.setId("token-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane root = new BorderPane(tabs);
        root.setBottom(createFooter());
        root.getStyleClass().add("token-manager");
        return root;
    }

    private Node createTokensTab() {
        vm.sections().addListener((ListChangeListener<ProviderSection>) c -> rebuildSections());
        vm.focusProperty().addListener((o, a, now) -> rebuildSections());
        rebuildSections();
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        sections.setPadding(new Insets(8, 12, 8, 12));
        VBox tab = new VBox(createAddForm(), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return tab;
    }

    private Node createAddForm() {
        ComboBox<ProviderId> provider = new ComboBox<>(FXCollections.observableArrayList(ProviderId.values()));
        provider.setId("token-add-provider");
        provider.valueProperty().bindBidirectional(vm.addProviderProperty());
        TextArea paste = new TextArea();
        paste.setId("token-paste");
        paste.setPromptText(i18n.get("tokens.add.paste"));
        paste.setPrefRowCount(2);
        paste.textProperty().bindBidirectional(vm.pastedProperty());
        HBox.setHgrow(paste, Priority.ALWAYS);
        TextField label = new TextField();
        label.setId("token-add-label");
        label.setPromptText(i18n.get("tokens.add.label"));
        label.textProperty().bindBidirectional(vm.addLabelProperty());
        Button add = new Button(i18n.get("tokens.add.button"), new FontIcon(MaterialDesignK.KEY_PLUS));
        add.setId("token-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(vm.canAddProperty().not());
        add.setOnAction(e -> vm.add());
        add.setMaxWidth(Double.MAX_VALUE);
        Label title = new Label(i18n.get("tokens.add.title"));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        HBox form = new HBox(8, provider, paste, new VBox(6, label, add));
        VBox box = new VBox(6, title, form);
        box.setPadding(new Insets(10, 12, 10, 12));
        box.getStyleClass().add("token-add");
        return box;
    }

    private void rebuildSections() {
        sections.getChildren().clear();
        for (ProviderSection s : vm.sections()) {
            sections.getChildren().add(createSection(s));
        }
    }

    private TitledPane createSection(ProviderSection s) {
        VBox body = new VBox();
        body.setId("token-section-" + s.provider().wireName());
        ListChangeListener<TokenRow> refill = c -> fill(body, s);
        // weak, held by the body: a section rebuilt on a new focus leaves no listener behind
        body.getProperties().put(ListChangeListener.class, refill);
        s.rows().addListener(new WeakListChangeListener<>(refill));
        fill(body, s);
        TitledPane pane = new TitledPane(null, body);
        pane.textProperty().bind(s.titleProperty());
        pane.setId("token-pane-" + s.provider().wireName());
        ProviderId focus = vm.focusProperty().get();
        pane.setExpanded(focus == null ? !s.rows().isEmpty() : focus == s.provider());
        return pane;
    }

    private void fill(VBox body, ProviderSection s) {
        body.getChildren().clear();
        for (TokenRow row : s.rows()) {
            body.getChildren().add(rows.build(row));
        }
    }

    private Node createFooter() {
        Label notice = new Label();
        notice.setId("token-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setWrapText(true);
        Label protection = new Label(null, new FontIcon(MaterialDesignL.LOCK_OUTLINE));
        protection.textProperty().bind(vm.protectionProperty());
        protection.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        protection.setWrapText(true);
        Button close = new Button(i18n.get("tokens.close"));
        close.setId("token-close");
        close.setCancelButton(true);
        close.setOnAction(e -> close.getScene().getWindow().hide());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        VBox text = new VBox(2, notice, protection);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox footer = new HBox(8, text, close);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setPadding(new Insets(8, 12, 8, 12));
        footer.getStyleClass().add("status-bar");
        return footer;
    }

    private void startTicker() {
        int[] ticks = {0};
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            vm.tick();
            if (++ticks[0] % 10 == 0) {
                vm.refresh();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }
}
