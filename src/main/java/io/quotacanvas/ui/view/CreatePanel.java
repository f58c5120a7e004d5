package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.CompareViewModel;
import io.quotacanvas.ui.viewmodel.CreateViewModel;
import io.quotacanvas.ui.viewmodel.GenerationViewModel;
import io.quotacanvas.ui.viewmodel.StatusViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/// The create panel: one model or compare models; prompt, aspect-ratio chips, provider and model pickers
/// (or the pairs to compare), advanced options, count, Generate (or Compare) and Cancel, and the queue of
/// runs below. Binds to [CreateViewModel]; Ctrl/Cmd+Enter in the prompt generates (or compares).
public final class CreatePanel {
    private final CreateViewModel form;
    private final GenerationViewModel generation;
    private final CompareViewModel compare;
    private final StatusViewModel status;
    private final I18n i18n;

    public CreatePanel(CreateViewModel form, GenerationViewModel generation, CompareViewModel compare,
                       StatusViewModel status, I18n i18n) {
        this.form = form;
        this.generation = generation;
        this.compare = compare;
        this.status = status;
        this.i18n = i18n;
    }

    public Node build() {
        Node single = only(false, new VBox(12, section("create.provider", createProviderPicker()),
                section("create.model", createModelPicker())));
        // the pair picker is built the first time compare mode is chosen
        VBox pairs = new VBox();
        Runnable buildPairs = () -> {
            if (compare.activeProperty().get() && pairs.getChildren().isEmpty()) {
                pairs.getChildren().add(section("compare.pairs", new ComparePicker(compare, i18n).build()));
            }
        };
        compare.activeProperty().addListener(o -> buildPairs.run());
        buildPairs.run();
        only(true, pairs);
        Node count = only(false, section("create.count", createCount()));
        VBox box = new VBox(12, createMode(), section("create.prompt", createPrompt()),
                section("create.aspect", createChips()), single, pairs, createAdvanced(), count, createButtons(),
                createStatus(), new QueueView(generation, i18n).build());
        box.setPadding(new Insets(12));
        box.getStyleClass().add("create-panel");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(270);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    private Node only(boolean compareMode, Node content) {
        content.visibleProperty().bind(compareMode ? compare.activeProperty() : compare.activeProperty().not());
        content.managedProperty().bind(content.visibleProperty());
        return content;
    }

    /// One model | Compare models.
    private Node createMode() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton one = modeButton("mode-single", "create.modeSingle", group);
        ToggleButton many = modeButton("mode-compare", "create.modeCompare", group);
        one.getStyleClass().add(Styles.LEFT_PILL);
        many.getStyleClass().add(Styles.RIGHT_PILL);
        one.setSelected(!compare.activeProperty().get());
        many.setSelected(compare.activeProperty().get());
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                compare.activeProperty().set(now == many);
            }
        });
        compare.activeProperty().addListener((o, was, on) -> (on ? many : one).setSelected(true));
        HBox box = new HBox(one, many);
        HBox.setHgrow(one, Priority.ALWAYS);
        HBox.setHgrow(many, Priority.ALWAYS);
        return box;
    }

    private ToggleButton modeButton(String id, String key, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private Node section(String key, Node content) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.getStyleClass().add(Styles.TEXT_CAPTION);
        label.setLabelFor(content);
        return new VBox(4, label, content);
    }

    private Node createPrompt() {
        TextArea prompt = new TextArea();
        prompt.setId("prompt");
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.textProperty().bindBidirectional(form.promptProperty());
        prompt.promptTextProperty().bind(i18n.text("create.promptHint"));
        prompt.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                go();
            }
        });
        return prompt;
    }

    private void go() {
        if (compare.activeProperty().get()) {
            compare.compare();
        } else {
            generation.generate();
        }
    }

    private Node createChips() {
        FlowPane chips = new FlowPane(4, 4);
        ToggleGroup group = new ToggleGroup();
        for (AspectRatio ratio : CreateViewModel.RATIOS) {
            ToggleButton chip = new ToggleButton(ratio.label());
            chip.setId("ratio-" + ratio.label().replace(':', 'x'));
            chip.getStyleClass().addAll(Styles.SMALL, "ratio-chip");
            chip.setUserData(ratio);
            chip.setToggleGroup(group);
            chip.setSelected(ratio == form.aspectRatioProperty().get());
            chips.getChildren().add(chip);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true);   // a chip group always has one ratio
            } else {
                form.aspectRatioProperty().set((AspectRatio) now.getUserData());
            }
        });
        form.aspectRatioProperty().addListener((o, old, now) -> group.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));
        return chips;
    }

    private Node createProviderPicker() {
        ComboBox<ProviderId> picker = new ComboBox<>(form.providerChoices());
        picker.setId("provider");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(form.providerProperty());
        picker.setCellFactory(lv -> new ProviderCell());
        picker.setButtonCell(new ProviderCell());
        return picker;
    }

    /// A provider with its live badge; null is Auto.
    private final class ProviderCell extends ListCell<ProviderId> {
        @Override
        protected void updateItem(ProviderId item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            if (empty) {
                setText(null);
                return;
            }
            var name = item == null ? i18n.text("create.auto") : i18n.text(() -> item.wireName());
            textProperty().bind(Bindings.concat(name, "  ·  ", status.badge(item)));
        }
    }

    private Node createModelPicker() {
        ComboBox<String> picker = new ComboBox<>(form.models());
        picker.setId("model");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.valueProperty().bindBidirectional(form.modelProperty());
        return picker;
    }

    private Node createAdvanced() {
        GridPane grid = new GridPane(8, 6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);   // "Guidance" and "Lock" are never cut
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        TextField seed = field("seed", form.seedProperty(), i18n.text("create.seedHint"));
        seed.setMinWidth(56);
        Button dice = new Button(null, new FontIcon(MaterialDesignD.DICE_5));
        dice.setId("randomise-seed");
        dice.setMinWidth(Region.USE_PREF_SIZE);
        dice.setTooltip(new Tooltip());
        dice.getTooltip().textProperty().bind(i18n.text("create.randomSeed"));
        dice.setOnAction(e -> form.randomiseSeed());
        CheckBox lock = check("create.lockSeed", form.seedLockedProperty());
        lock.setId("lock-seed");
        lock.setMinWidth(Region.USE_PREF_SIZE);
        lock.setTooltip(new Tooltip());
        lock.getTooltip().textProperty().bind(i18n.text("create.lockSeedHint"));
        HBox seedRow = new HBox(4, seed, dice, lock);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(seed, Priority.ALWAYS);
        grid.addRow(0, label("create.seed"), seedRow);
        grid.addRow(1, label("create.steps"), field("steps", form.stepsProperty(), form.stepsHint()));
        var guidanceHint = form.guidanceHint();
        grid.addRow(2, label("create.guidance"), field("guidance", form.guidanceProperty(), i18n.text(
                () -> guidanceHint.get().isEmpty() ? i18n.get("create.guidanceNone") : guidanceHint.get(), guidanceHint)));
        Label hintNote = new Label();
        hintNote.textProperty().bind(i18n.text("create.defaultsHint"));
        hintNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        flowing(hintNote);
        VBox checks = new VBox(6, check("create.hd", form.hdProperty()),
                check("create.optimize", form.optimizePromptProperty()),
                check("create.translate", form.autoTranslateProperty()));
        TitledPane pane = new TitledPane(null, new VBox(8, grid, hintNote, checks));
        pane.textProperty().bind(i18n.text("create.advanced"));
        pane.setExpanded(false);
        pane.setId("advanced");
        return pane;
    }

    /// A wrapping label that takes its container's width and never widens the panel (a wrapping label's
    /// preferred width is its whole text on one line).
    static <L extends javafx.scene.control.Labeled> L flowing(L label) {
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setPrefWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value,
                            javafx.beans.value.ObservableValue<String> hint) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(6);
        f.textProperty().bindBidirectional(value);
        f.promptTextProperty().bind(hint);
        return f;
    }

    private CheckBox check(String key, javafx.beans.property.BooleanProperty value) {
        CheckBox c = new CheckBox();
        c.textProperty().bind(i18n.text(key));
        c.selectedProperty().bindBidirectional(value);
        return c;
    }

    private Node createCount() {
        Spinner<Integer> count = new Spinner<>(1, CreateViewModel.MAX_COUNT, form.countProperty().get());
        count.setId("count");
        count.setEditable(true);
        count.getValueFactory().valueProperty().addListener((o, a, b) -> form.countProperty().set(b));
        form.countProperty().addListener((o, a, b) -> count.getValueFactory().setValue(b.intValue()));
        return count;
    }

    private Node createButtons() {
        Button generate = new Button(null, new FontIcon(MaterialDesignS.SHIMMER));
        generate.setId("generate");
        generate.textProperty().bind(i18n.text(() -> compare.activeProperty().get()
                        ? i18n.get("compare.start", compare.chosenCount().get()) : i18n.get("create.generate"),
                compare.activeProperty(), compare.chosenCount()));
        generate.graphicProperty().bind(Bindings.when(compare.activeProperty())
                .then((Node) new FontIcon(MaterialDesignV.VIEW_GRID_OUTLINE)).otherwise(new FontIcon(MaterialDesignS.SHIMMER)));
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setDefaultButton(false);
        generate.disableProperty().bind(Bindings.when(compare.activeProperty()).then(compare.canCompare().not())
                .otherwise(generation.canGenerate().not()));
        generate.setOnAction(e -> go());
        generate.setMaxWidth(Double.MAX_VALUE);
        Tooltip queues = new Tooltip();
        queues.textProperty().bind(i18n.text("create.generateHint"));
        generate.setTooltip(queues);
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE_CIRCLE_OUTLINE));
        cancel.setId("cancel");
        cancel.textProperty().bind(i18n.text("create.cancel"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        cancel.disableProperty().bind(generation.runningProperty().not().or(generation.cancellingProperty()));
        cancel.setOnAction(e -> generation.cancel());
        Tooltip all = new Tooltip();
        all.textProperty().bind(i18n.text("create.cancelHint"));
        cancel.setTooltip(all);
        HBox row = new HBox(8, generate, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);
        return row;
    }

    private Node createStatus() {
        Label line = new Label();
        line.setId("batch-status");
        flowing(line);
        line.textProperty().bind(generation.statusText());
        return line;
    }
}
