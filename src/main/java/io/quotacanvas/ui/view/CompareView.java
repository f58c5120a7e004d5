package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.FileChooserPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.CompareViewModel;
import io.quotacanvas.ui.viewmodel.Run;
import io.quotacanvas.ui.viewmodel.RunSlot;
import java.time.ZoneId;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/// The comparison grid: what was compared and how far it is, Cancel, Save all and Show in gallery above
/// one [CompareCell] per (provider, model) pair; a hint before the first comparison. A timeline moves the
/// running cells' clocks each second.
public final class CompareView {
    private final CompareViewModel compare;
    private final I18n i18n;
    private final ZoneId zone;
    private final FileChooserPort chooser;
    private final FlowPane cells = new FlowPane(10, 10);
    private Timeline ticker;

    public CompareView(CompareViewModel compare, I18n i18n, ZoneId zone, FileChooserPort chooser) {
        this.compare = compare;
        this.i18n = i18n;
        this.zone = zone;
        this.chooser = chooser;
    }

    public Node build() {
        cells.setId("compare-grid");
        cells.setPadding(new Insets(10));
        compare.cells().addListener((ListChangeListener<RunSlot>) c -> rebuild());
        rebuild();
        ScrollPane scroll = new ScrollPane(cells);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("compare-scroll");
        Label hint = new Label();
        hint.setId("compare-empty");
        hint.textProperty().bind(i18n.text("compare.empty"));
        CreatePanel.flowing(hint).setMaxHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setPadding(new Insets(24));
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(compare.cells()));
        hint.setMouseTransparent(true);
        StackPane.setAlignment(hint, Pos.TOP_LEFT);
        BorderPane pane = new BorderPane(new StackPane(scroll, hint));
        pane.setTop(createBar());
        pane.setId("compare-view");
        startTicker();
        return pane;
    }

    private void rebuild() {
        cells.getChildren().setAll(compare.cells().stream()
                .map(cell -> new CompareCell(cell, compare, i18n, zone).build()).toList());
    }

    private Node createBar() {
        Label title = CreatePanel.flowing(new Label());
        title.setId("compare-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(i18n.text(() -> {
            Run run = compare.runProperty().get();
            return run == null ? i18n.get("compare.title") : i18n.get("compare.titleFor", oneLine(run.prompt()));
        }, compare.runProperty()));
        Label progress = new Label();
        progress.setId("compare-progress");
        progress.setMinWidth(Region.USE_PREF_SIZE);
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        compare.runProperty().addListener((o, old, run) -> bindProgress(progress, run));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button cancel = action("compare-cancel", "compare.cancel", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, compare::cancel);
        cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> compare.runProperty()
                .get() == null || !compare.runProperty().get().active(), compare.runProperty(), progress.textProperty()));
        Button save = action("compare-save", "compare.saveAll", MaterialDesignC.CONTENT_SAVE_ALL_OUTLINE,
                () -> chooser.chooseFolder(cells.getScene() == null ? null : cells.getScene().getWindow())
                        .ifPresent(compare::saveAll));
        Button gallery = action("compare-show", "compare.showInGallery", MaterialDesignI.IMAGE_MULTIPLE_OUTLINE,
                compare::showInGallery);
        save.disableProperty().bind(compare.runProperty().isNull());
        gallery.disableProperty().bind(compare.runProperty().isNull());
        HBox actions = new HBox(8, progress, grow, cancel, save, gallery);
        actions.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(4, title, actions);
        bar.setPadding(new Insets(8, 10, 0, 10));
        return bar;
    }

    private void bindProgress(Label progress, Run run) {
        progress.textProperty().unbind();
        if (run == null) {
            progress.setText("");
            return;
        }
        progress.textProperty().bind(i18n.text(() -> i18n.get("compare.progress", run.finishedProperty().get(),
                run.total(), run.failedProperty().get()), run.finishedProperty(), run.failedProperty(),
                run.stateProperty()));
    }

    private Button action(String id, String key, Ikon icon, Runnable run) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.getStyleClass().add(Styles.SMALL);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> run.run());
        return b;
    }

    private void startTicker() {
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> compare.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    public void stop() {
        if (ticker != null) {
            ticker.stop();
        }
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }
}
