package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.service.ProviderStatus;
import io.quotacanvas.ui.viewmodel.StatusViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/// The status bar: one button per enabled provider ("gitee 2/3 · next reset 04:12", click: token
/// manager) and the notice line. A timeline ticks the countdowns each second and re-reads the ledger
/// every ten.
public final class StatusBar {
    private final StatusViewModel status;
    private final ReadOnlyStringProperty notice;
    private final HBox providers = new HBox(4);
    private Timeline ticker;

    public StatusBar(StatusViewModel status, ReadOnlyStringProperty notice) {
        this.status = status;
        this.notice = notice;
    }

    public Node build() {
        Label line = new Label();
        line.setId("notice");
        line.textProperty().bind(notice);
        line.getStyleClass().add(Styles.TEXT_SMALL);
        line.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        rebuildProviders();
        status.statuses().addListener((ListChangeListener<ProviderStatus>) c -> {
            var shown = providers.getChildren().stream().map(Node::getId).toList();
            var wanted = status.statuses().stream().map(s -> "status-" + s.provider().wireName()).toList();
            if (!shown.equals(wanted)) {
                rebuildProviders();
            }
        });
        HBox bar = new HBox(8, line, grow, providers);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        startTicker();
        return bar;
    }

    private void rebuildProviders() {
        providers.getChildren().clear();
        for (ProviderStatus s : status.statuses()) {
            providers.getChildren().add(providerButton(s.provider()));
        }
    }

    private Button providerButton(ProviderId id) {
        Button b = new Button(null, new FontIcon(MaterialDesignK.KEY_CHAIN_VARIANT));
        b.setId("status-" + id.wireName());
        b.textProperty().bind(status.summary(id));
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> status.openTokenManager(id));
        return b;
    }

    private void startTicker() {
        int[] ticks = {0};
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            status.tick();
            if (++ticks[0] % 10 == 0) {
                status.refresh();
            }
        }));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
    }
}
