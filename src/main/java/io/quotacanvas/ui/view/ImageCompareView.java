package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.ImageCompareViewModel;
import io.quotacanvas.ui.viewmodel.ImageCompareViewModel.Mode;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// Two images compared, laid over the main window: side by side, or stacked with a slider (or a drag on
/// the picture) that moves the border between them; the settings in which they differ below. Esc closes.
public final class ImageCompareView {
    private final ImageCompareViewModel vm;
    private final I18n i18n;
    private final BorderPane pane = new BorderPane();
    private final GridPane differences = new GridPane(12, 4);

    public ImageCompareView(ImageCompareViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Node build() {
        pane.setId("image-compare");
        pane.getStyleClass().add("detail-view");
        pane.setTop(createBar());
        StackPane sideBySide = createSideBySide();
        StackPane slider = createSlider();
        sideBySide.visibleProperty().bind(vm.modeProperty().isEqualTo(Mode.SIDE_BY_SIDE));
        slider.visibleProperty().bind(vm.modeProperty().isEqualTo(Mode.SLIDER));
        pane.setCenter(new StackPane(sideBySide, slider));
        differences.setPadding(new Insets(8, 12, 12, 12));
        differences.setId("image-compare-differences");
        pane.setBottom(differences);
        pane.visibleProperty().bind(vm.showing());
        pane.setFocusTraversable(true);
        pane.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
        vm.leftProperty().addListener(o -> showDifferences());
        vm.rightProperty().addListener(o -> showDifferences());
        i18n.localeProperty().addListener(o -> showDifferences());
        vm.showing().addListener((o, was, on) -> {
            if (on) {
                pane.requestFocus();
            }
        });
        // built on first use, when two images are already chosen
        showDifferences();
        if (vm.showing().get()) {
            javafx.application.Platform.runLater(pane::requestFocus);
        }
        return pane;
    }

    private Node createBar() {
        Button back = new Button(null, new FontIcon(MaterialDesignA.ARROW_LEFT));
        back.setId("image-compare-back");
        back.textProperty().bind(i18n.text("detail.back"));
        back.getStyleClass().add(Styles.SMALL);
        back.setOnAction(e -> vm.close());
        ToggleGroup group = new ToggleGroup();
        ToggleButton side = mode("image-compare-side", "imageCompare.sideBySide", Mode.SIDE_BY_SIDE, group);
        ToggleButton slide = mode("image-compare-slider", "imageCompare.slider", Mode.SLIDER, group);
        side.getStyleClass().add(Styles.LEFT_PILL);
        slide.getStyleClass().add(Styles.RIGHT_PILL);
        Button swap = new Button(null, new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        swap.setId("image-compare-swap");
        swap.textProperty().bind(i18n.text("imageCompare.swap"));
        swap.getStyleClass().add(Styles.SMALL);
        swap.setOnAction(e -> vm.swap());
        Label title = new Label();
        title.textProperty().bind(i18n.text("imageCompare.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        HBox bar = new HBox(8, back, title, new HBox(side, slide), swap);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    private ToggleButton mode(String id, String key, Mode mode, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.getStyleClass().add(Styles.SMALL);
        b.setToggleGroup(group);
        b.setSelected(vm.modeProperty().get() == mode);
        b.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                vm.modeProperty().set(mode);
            } else if (group.getSelectedToggle() == null) {
                b.setSelected(true);
            }
        });
        vm.modeProperty().addListener((o, a, now) -> b.setSelected(now == mode));
        return b;
    }

    private StackPane createSideBySide() {
        StackPane left = fitted(vm.leftProperty(), "image-compare-left");
        StackPane right = fitted(vm.rightProperty(), "image-compare-right");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(8, left, right);
        box.setPadding(new Insets(0, 8, 0, 8));
        return new StackPane(box);
    }

    private StackPane fitted(ReadOnlyObjectProperty<StoredImage> image, String id) {
        ImageView view = new ImageView();
        view.setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        StackPane box = new StackPane(view);
        box.setMinSize(80, 80);
        box.setPrefWidth(200);
        view.fitWidthProperty().bind(box.widthProperty().subtract(8));
        view.fitHeightProperty().bind(box.heightProperty().subtract(8));
        image.addListener((o, a, now) -> view.setImage(load(now)));
        view.setImage(load(image.get()));
        return box;
    }

    /// The right image under the left one; the left one is clipped at the split, marked by a line.
    private StackPane createSlider() {
        ImageView under = new ImageView();
        ImageView over = new ImageView();
        for (ImageView v : new ImageView[] {under, over}) {
            v.setPreserveRatio(true);
            v.setSmooth(true);
        }
        vm.rightProperty().addListener((o, a, now) -> under.setImage(load(now)));
        vm.leftProperty().addListener((o, a, now) -> over.setImage(load(now)));
        under.setImage(load(vm.rightProperty().get()));
        over.setImage(load(vm.leftProperty().get()));
        StackPane stage = new StackPane(under, over);
        stage.setMinSize(80, 80);
        under.fitWidthProperty().bind(stage.widthProperty().subtract(16));
        under.fitHeightProperty().bind(stage.heightProperty().subtract(16));
        over.fitWidthProperty().bind(under.fitWidthProperty());
        over.fitHeightProperty().bind(under.fitHeightProperty());
        Rectangle clip = new Rectangle();
        clip.heightProperty().bind(stage.heightProperty());
        clip.widthProperty().bind(stage.widthProperty().multiply(vm.splitProperty()));
        over.setClip(null);
        // the clip is in the over-image's coordinates: it starts where the image starts in the stack
        clip.xProperty().bind(over.layoutXProperty().negate());
        over.setClip(clip);
        Line border = new Line();
        border.getStyleClass().add("compare-split");
        border.setManaged(false);
        border.startXProperty().bind(stage.widthProperty().multiply(vm.splitProperty()));
        border.endXProperty().bind(border.startXProperty());
        border.setStartY(0);
        border.endYProperty().bind(stage.heightProperty());
        Pane lines = new Pane(border);
        lines.setMouseTransparent(true);
        stage.getChildren().add(lines);
        stage.setOnMouseDragged(e -> vm.splitProperty().set(Math.clamp(e.getX() / stage.getWidth(), 0, 1)));
        stage.setOnMousePressed(e -> vm.splitProperty().set(Math.clamp(e.getX() / stage.getWidth(), 0, 1)));
        Slider slider = new Slider(0, 1, 0.5);
        slider.setId("image-compare-split");
        slider.valueProperty().bindBidirectional(vm.splitProperty());
        VBox box = new VBox(6, stage, slider);
        VBox.setVgrow(stage, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 0, 12));
        return new StackPane(box);
    }

    private void showDifferences() {
        differences.getChildren().clear();
        var rows = vm.differences(i18n);
        Label head = new Label(rows.isEmpty() ? i18n.get("imageCompare.same") : i18n.get("imageCompare.differs"));
        head.getStyleClass().add(Styles.TEXT_MUTED);
        differences.add(head, 0, 0, 3, 1);
        int r = 1;
        for (var d : rows) {
            Label key = new Label(i18n.get(d.labelKey()));
            key.getStyleClass().add(Styles.TEXT_MUTED);
            key.setMinWidth(Region.USE_PREF_SIZE);
            differences.addRow(r++, key, value(d.left()), value(d.right()));
        }
    }

    private static Label value(String text) {
        Label l = new Label(text.length() > 120 ? text.substring(0, 119) + "…" : text);
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    private static Image load(StoredImage image) {
        return image == null ? null : new Image(image.path().toUri().toString(), true);
    }
}
