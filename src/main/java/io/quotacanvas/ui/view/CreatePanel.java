package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.CreateViewModel;
import io.quotacanvas.ui.viewmodel.GenerationViewModel;
import io.quotacanvas.ui.viewmodel.StatusViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
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
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/// The create panel: prompt, aspect-ratio chips, provider and model pickers, advanced options, count,
/// Generate and Cancel. Binds to [CreateViewModel]; Ctrl/Cmd+Enter in the prompt generates.
public final class CreatePanel {
    private final CreateViewModel form;
    private final GenerationViewModel generation;
    private final StatusViewModel status;
    private final I18n i18n;

    public CreatePanel(CreateViewModel form, GenerationViewModel generation, StatusViewModel status, I18n i18n) {
        this.form = form;
        this.generation = generation;
        this.status = status;
        this.i18n = i18n;
    }

    public Node build() {
        VBox box = new VBox(12, section("create.prompt", createPrompt()), section("create.aspect", createChips()),
                section("create.provider", createProviderPicker()), section("create.model", createModelPicker()),
                createAdvanced(), section("create.count", createCount()), createButtons(), createStatus());
        box.setPadding(new Insets(12));
        box.getStyleClass().add("create-panel");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(260);
        return scroll;
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
        prompt.setPrefRowCount(5);
        prompt.textProperty().bindBidirectional(form.promptProperty());
        prompt.promptTextProperty().bind(i18n.text("create.promptHint"));
        prompt.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                e.consume();
                generation.generate();
            }
        });
        return prompt;
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
        TextField seed = field("seed", form.seedProperty(), i18n.text("create.seedHint"));
        Button dice = new Button(null, new FontIcon(MaterialDesignD.DICE_5));
        dice.setId("randomise-seed");
        dice.setOnAction(e -> form.randomiseSeed());
        CheckBox lock = check("create.lockSeed", form.seedLockedProperty());
        lock.setId("lock-seed");
        HBox seedRow = new HBox(4, seed, dice, lock);
        HBox.setHgrow(seed, Priority.ALWAYS);
        grid.addRow(0, label("create.seed"), seedRow);
        grid.addRow(1, label("create.steps"), field("steps", form.stepsProperty(), form.stepsHint()));
        grid.addRow(2, label("create.guidance"), field("guidance", form.guidanceProperty(), form.guidanceHint()));
        VBox checks = new VBox(6, check("create.hd", form.hdProperty()),
                check("create.optimize", form.optimizePromptProperty()),
                check("create.translate", form.autoTranslateProperty()));
        TitledPane pane = new TitledPane(null, new VBox(8, grid, checks));
        pane.textProperty().bind(i18n.text("create.advanced"));
        pane.setExpanded(false);
        pane.setId("advanced");
        return pane;
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        return l;
    }

    private TextField field(String id, javafx.beans.property.StringProperty value,
                            javafx.beans.value.ObservableValue<String> hint) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(8);
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
        generate.textProperty().bind(i18n.text("create.generate"));
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setDefaultButton(false);
        generate.disableProperty().bind(generation.canGenerate().not());
        generate.setOnAction(e -> generation.generate());
        generate.setMaxWidth(Double.MAX_VALUE);
        Button cancel = new Button();
        cancel.setId("cancel");
        cancel.textProperty().bind(i18n.text("create.cancel"));
        cancel.disableProperty().bind(generation.runningProperty().not().or(generation.cancellingProperty()));
        cancel.setOnAction(e -> generation.cancel());
        HBox row = new HBox(8, generate, cancel);
        HBox.setHgrow(generate, Priority.ALWAYS);
        return row;
    }

    private Node createStatus() {
        Label line = new Label();
        line.setId("batch-status");
        line.setWrapText(true);
        line.textProperty().bind(generation.statusText());
        return line;
    }
}
