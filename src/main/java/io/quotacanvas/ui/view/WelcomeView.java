package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.AppIcons;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.WelcomeOffer;
import io.quotacanvas.ui.viewmodel.WelcomeViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// The first-run panel, laid over the gallery: what works now, a sample prompt, and one row per provider
/// with its free quota, reset, token page and a paste box. Binds to [WelcomeViewModel].
public final class WelcomeView {
    private final WelcomeViewModel vm;
    private final I18n i18n;

    public WelcomeView(WelcomeViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Node build() {
        VBox content = new VBox(14, createTitle(), createNow(), createSample(), createOffers(), createFooter());
        content.setPadding(new Insets(20, 24, 20, 24));
        content.setMaxWidth(760);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("welcome");
        scroll.getStyleClass().add("welcome");
        scroll.visibleProperty().bind(vm.showingProperty());
        scroll.managedProperty().bind(vm.showingProperty());
        return scroll;
    }

    private Node createTitle() {
        ImageView icon = new ImageView(AppIcons.of(48));
        Label title = text("welcome.title", Styles.TITLE_2);
        Label intro = text("welcome.intro", null);
        VBox words = new VBox(4, title, intro);
        HBox.setHgrow(words, Priority.ALWAYS);
        // closing is at the top, where it is seen without scrolling
        Button start = new Button();
        start.setId("welcome-dismiss");
        start.textProperty().bind(i18n.text("welcome.dismiss"));
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.setOnAction(e -> vm.dismiss());
        return new HBox(14, icon, words, start);
    }

    private Node createNow() {
        Label heading = text("welcome.now", Styles.TITLE_4);
        Label anonymous = text("welcome.anonymous", null);
        anonymous.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        anonymous.getStyleClass().add(Styles.SUCCESS);
        return new VBox(4, heading, anonymous);
    }

    private Node createSample() {
        Label sample = new Label();
        sample.setId("welcome-sample");
        sample.textProperty().bind(i18n.text(() -> i18n.get("welcome.try", vm.samplePrompt().get())));
        sample.setWrapText(true);
        Button use = new Button(null, new FontIcon(MaterialDesignS.SHIMMER));
        use.setId("welcome-use-sample");
        use.textProperty().bind(i18n.text("welcome.useSample"));
        use.getStyleClass().add(Styles.ACCENT);
        use.setOnAction(e -> vm.useSample());
        HBox row = new HBox(10, sample, use);
        HBox.setHgrow(sample, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node createOffers() {
        GridPane grid = new GridPane(12, 10);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            grid.getColumnConstraints().add(half);
        }
        int row = 0;
        for (WelcomeOffer offer : vm.offers()) {
            addOffer(grid, row++, offer);
        }
        Label notice = new Label();
        notice.setId("welcome-notice");
        notice.textProperty().bind(vm.noticeProperty());
        notice.setWrapText(true);
        return new VBox(8, text("welcome.more", Styles.TITLE_4), text("welcome.moreHint", Styles.TEXT_MUTED), grid,
                notice);
    }

    private void addOffer(GridPane grid, int row, WelcomeOffer offer) {
        String id = offer.provider().wireName();
        Label name = new Label(id, new FontIcon(MaterialDesignK.KEY_VARIANT));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label state = new Label();
        state.setId("welcome-state-" + id);
        state.textProperty().bind(offer.state());
        state.getStyleClass().add(Styles.TEXT_SMALL);
        Label facts = new Label();
        facts.textProperty().bind(offer.facts());
        facts.setWrapText(true);
        Hyperlink link = new Hyperlink();
        link.setId("welcome-link-" + id);
        link.textProperty().bind(offer.link());
        link.setWrapText(true);
        link.setOnAction(e -> vm.openTokenPage(offer));
        PasswordField paste = new PasswordField();
        paste.setId("welcome-paste-" + id);
        paste.promptTextProperty().bind(i18n.text("welcome.paste"));
        paste.textProperty().bindBidirectional(offer.pastedProperty());
        paste.setOnAction(e -> vm.add(offer));
        Button add = new Button();
        add.setId("welcome-add-" + id);
        add.textProperty().bind(i18n.text("tokens.add.button"));
        add.disableProperty().bind(offer.canAddProperty().not());
        add.setOnAction(e -> vm.add(offer));
        VBox about = new VBox(2, new HBox(8, name, state), facts, link, new HBox(6, paste, add));
        HBox.setHgrow(paste, Priority.ALWAYS);
        about.getStyleClass().add("welcome-offer");
        about.setPadding(new Insets(8, 10, 8, 10));
        GridPane.setHgrow(about, Priority.ALWAYS);
        grid.add(about, row % 2, row / 2);
    }

    private Node createFooter() {
        return text("welcome.again", Styles.TEXT_MUTED);
    }

    private Label text(String key, String style) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.setWrapText(true);
        if (style != null) {
            label.getStyleClass().add(style);
        }
        return label;
    }
}
