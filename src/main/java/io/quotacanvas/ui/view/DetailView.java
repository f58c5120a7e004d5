package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.Confirmations;
import io.quotacanvas.ui.FileChooserPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.DetailViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/// The detail view, laid over the main window: the image fitted to the space, its settings and chain,
/// and the actions. Keys: ←/→ move, Delete deletes (after confirming), Ctrl+C copies the image, Esc closes.
public final class DetailView {
    private final DetailViewModel detail;
    private final I18n i18n;
    private final FileChooserPort chooser;
    private final Confirmations confirm;
    private final ZoneId zone;
    private final BorderPane pane = new BorderPane();

    public DetailView(DetailViewModel detail, I18n i18n, FileChooserPort chooser, Confirmations confirm, ZoneId zone) {
        this.detail = detail;
        this.i18n = i18n;
        this.chooser = chooser;
        this.confirm = confirm;
        this.zone = zone;
    }

    public Node build() {
        pane.setId("detail");
        pane.getStyleClass().add("detail-view");
        pane.setTop(createActions());
        SplitPane split = new SplitPane(createImage(), createInfo());
        split.setDividerPositions(0.58);
        pane.setCenter(split);
        pane.visibleProperty().bind(detail.showing());
        pane.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        detail.showing().addListener((o, a, now) -> {
            if (now) {
                pane.requestFocus();
            }
        });
        pane.setFocusTraversable(true);
        return pane;
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        switch (e.getCode()) {
            case LEFT -> detail.move(-1);
            case RIGHT -> detail.move(1);
            case DELETE -> delete();
            case ESCAPE -> detail.close();
            case C -> {
                if (!e.isShortcutDown()) {
                    return;
                }
                detail.copyImage();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private Node createActions() {
        FlowPane bar = new FlowPane(4, 4,
                action("detail-back", "detail.back", MaterialDesignA.ARROW_LEFT, detail::close),
                action("detail-previous", "detail.previous", MaterialDesignC.CHEVRON_LEFT, () -> detail.move(-1)),
                action("detail-next", "detail.next", MaterialDesignC.CHEVRON_RIGHT, () -> detail.move(1)),
                action("detail-save", "detail.saveAs", MaterialDesignC.CONTENT_SAVE_OUTLINE, this::saveAs),
                action("detail-copy-image", "detail.copyImage", MaterialDesignC.CONTENT_COPY, detail::copyImage),
                action("detail-copy-prompt", "detail.copyPrompt", MaterialDesignF.FORMAT_QUOTE_CLOSE, detail::copyPrompt),
                action("detail-reuse", "detail.reuse", MaterialDesignR.RECYCLE, detail::reuse),
                action("detail-regenerate", "detail.regenerate", MaterialDesignR.REFRESH, detail::regenerate),
                showRunButton(),
                favouriteButton(),
                action("detail-delete", "detail.delete", MaterialDesignD.DELETE_OUTLINE, this::delete),
                action("detail-folder", "detail.openFolder", MaterialDesignF.FOLDER_OPEN_OUTLINE, detail::openFolder));
        bar.setPadding(new Insets(8));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button action(String id, String key, Ikon icon, Runnable run) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.getStyleClass().add(Styles.SMALL);
        b.setOnAction(e -> run.run());
        b.setFocusTraversable(false);
        return b;
    }

    private Button showRunButton() {
        Button b = action("detail-show-run", "detail.showRun", MaterialDesignV.VIEW_GRID_OUTLINE, detail::showRun);
        b.disableProperty().bind(detail.inRun().not());
        return b;
    }

    private Button favouriteButton() {
        Button b = action("detail-favourite", "detail.favourite", MaterialDesignS.STAR_OUTLINE, detail::toggleFavourite);
        detail.imageProperty().addListener((o, a, now) -> {
            boolean fav = now != null && now.favourite();
            b.setGraphic(new FontIcon(fav ? MaterialDesignS.STAR : MaterialDesignS.STAR_OUTLINE));
            b.pseudoClassStateChanged(Styles.STATE_ACCENT, fav);
        });
        return b;
    }

    private void saveAs() {
        if (detail.imageProperty().get() == null) {
            return;
        }
        chooser.chooseSaveTarget(window(), detail.suggestedName()).ifPresent(detail::saveAs);
    }

    private void delete() {
        if (detail.imageProperty().get() != null && confirm.ask(window(), i18n.get("detail.confirmDelete"),
                i18n.get("detail.delete"))) {
            detail.delete();
        }
    }

    private javafx.stage.Window window() {
        return pane.getScene() == null ? null : pane.getScene().getWindow();
    }

    private Node createImage() {
        ImageView view = new ImageView();
        view.setId("detail-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane box = new StackPane(view);
        box.setMinSize(100, 100);
        view.fitWidthProperty().bind(box.widthProperty().subtract(16));
        view.fitHeightProperty().bind(box.heightProperty().subtract(16));
        detail.imageProperty().addListener((o, a, now) -> view.setImage(now == null ? null
                : new Image(now.path().toUri().toString(), true)));
        return box;
    }

    private Node createInfo() {
        GridPane grid = new GridPane(10, 6);
        int row = 0;
        grid.addRow(row++, key("detail.prompt"), value("detail-prompt", ImageMetadata::promptOriginal));
        grid.addRow(row++, key("detail.finalPrompt"), value("detail-final-prompt", ImageMetadata::promptFinal));
        grid.addRow(row++, key("detail.provider"), value("detail-provider", m -> m.provider().wireName()));
        grid.addRow(row++, key("detail.model"), value("detail-model", ImageMetadata::model));
        grid.addRow(row++, key("detail.seed"), value("detail-seed", m -> Long.toString(m.seed())));
        grid.addRow(row++, key("detail.steps"), value("detail-steps", m -> Integer.toString(m.steps())));
        grid.addRow(row++, key("detail.guidance"), value("detail-guidance",
                m -> m.guidanceScale() == null ? "—" : m.guidanceScale().toString()));
        grid.addRow(row++, key("detail.size"), value("detail-size", m -> m.width() + " × " + m.height()
                + (m.aspectRatio() == null ? "" : "  (" + m.aspectRatio() + ")")));
        grid.addRow(row, key("detail.date"), value("detail-date", m -> m.createdAt() == null ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(i18n.locale())
                .format(m.createdAt().atZone(zone))));
        Node chain = new ChainView(detail.chain(), i18n, zone, "detail-chain").build();
        VBox box = new VBox(12, grid, chain);
        VBox.setVgrow(chain, javafx.scene.layout.Priority.ALWAYS);
        box.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }

    private Label key(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(80);
        return l;
    }

    private Label value(String id, Function<ImageMetadata, String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(i18n.text(() -> {
            StoredImage image = detail.imageProperty().get();
            return image == null ? "" : String.valueOf(text.apply(image.metadata()));
        }, detail.imageProperty()));
        return l;
    }
}
