package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.ui.Confirmations;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.TokenManagerViewModel;
import io.quotacanvas.ui.viewmodel.TokenRow;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/// One token row: name, masked (or revealed) value, source, live state, facts, the last test, and the
/// actions. Read-only rows keep their edit buttons disabled under a tooltip saying where to change them.
/// Node ids end in `-<provider>-<position>` (`#token-test-gitee-0`).
final class TokenRowView {
    private final TokenManagerViewModel vm;
    private final I18n i18n;
    private final Confirmations confirm;

    TokenRowView(TokenManagerViewModel vm, I18n i18n, Confirmations confirm) {
        this.vm = vm;
        this.i18n = i18n;
        this.confirm = confirm;
    }

    Node build(TokenRow row) {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(10, createText(row), grow, createActions(row));
        line.setAlignment(Pos.CENTER_LEFT);
        line.setId(id("token-row", row));
        line.getStyleClass().add("token-row");
        line.setPadding(new Insets(6, 4, 6, 4));
        return line;
    }

    private Node createText(TokenRow row) {
        Label title = new Label(row.title());
        title.setId(id("token-title", row));
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Label value = new Label(row.value());
        value.setId(id("token-value", row));
        value.getStyleClass().add(row.revealed() ? "token-revealed" : "token-masked");
        Label source = new Label(source(row.source()));
        source.getStyleClass().addAll("token-source", Styles.TEXT_SMALL);
        HBox head = new HBox(8, title, value, source);
        if (!row.title().equals(row.handle())) {
            Label handle = new Label(row.handle());
            handle.getStyleClass().add(Styles.TEXT_MUTED);
            head.getChildren().add(1, handle);
        }
        head.setAlignment(Pos.BASELINE_LEFT);
        Label state = new Label();
        state.setId(id("token-state", row));
        state.textProperty().bind(row.stateText());
        state.getStyleClass().add(stateStyle(row));
        state.setWrapText(true);
        Label facts = new Label(row.facts());
        facts.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox text = new VBox(2, head, state, facts);
        if (row.testText() != null) {
            Label test = new Label(row.testText(), verdictIcon(row));
            test.setId(id("token-verdict", row));
            test.getStyleClass().add(Styles.TEXT_SMALL);
            test.setWrapText(true);
            text.getChildren().add(test);
        }
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.SOMETIMES);
        return text;
    }

    private Node createActions(TokenRow row) {
        Button test = new Button(i18n.get("tokens.action.test"), new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE));
        test.setId(id("token-test", row));
        test.getStyleClass().add(Styles.SMALL);
        test.setTooltip(new Tooltip(i18n.get("tokens.action.testHint")));
        test.setDisable(row.anonymous() || row.testing());
        test.setOnAction(e -> vm.test(row));
        Button reveal = icon("token-reveal", row, row.revealed() ? MaterialDesignE.EYE_OFF_OUTLINE
                : MaterialDesignE.EYE_OUTLINE, row.revealed() ? "tokens.action.hide" : "tokens.action.reveal");
        reveal.setDisable(row.anonymous());
        reveal.setOnAction(e -> vm.toggleReveal(row));
        Button clear = icon("token-clear", row, MaterialDesignS.SNOWFLAKE_OFF, "tokens.action.clear");
        clear.setDisable(!row.clearable());
        clear.setOnAction(e -> vm.clearCooling(row));
        HBox actions = new HBox(2, test, reveal, clear, createEdits(row));
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.setMinWidth(Region.USE_PREF_SIZE);
        return actions;
    }

    private Node createEdits(TokenRow row) {
        Button up = icon("token-up", row, MaterialDesignA.ARROW_UP, "tokens.action.up");
        up.setDisable(!row.canMoveUp());
        up.setOnAction(e -> vm.moveUp(row));
        Button down = icon("token-down", row, MaterialDesignA.ARROW_DOWN, "tokens.action.down");
        down.setDisable(!row.canMoveDown());
        down.setOnAction(e -> vm.moveDown(row));
        Button enable = icon("token-enable", row, row.enabled() ? MaterialDesignT.TOGGLE_SWITCH_OUTLINE
                : MaterialDesignT.TOGGLE_SWITCH_OFF_OUTLINE, row.enabled() ? "tokens.action.disable"
                : "tokens.action.enable");
        enable.setOnAction(e -> vm.toggleEnabled(row));
        Button rename = icon("token-rename", row, MaterialDesignP.PENCIL_OUTLINE, "tokens.action.rename");
        rename.setOnAction(e -> askName(row, rename));
        Button remove = icon("token-remove", row, MaterialDesignD.DELETE_OUTLINE, "tokens.action.remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> {
            if (confirm.ask(remove.getScene().getWindow(), i18n.get("tokens.confirmRemove", row.label()),
                    i18n.get("tokens.action.remove"))) {
                vm.remove(row);
            }
        });
        HBox edits = new HBox(2, up, down, enable, rename, remove);
        if (!row.editable()) {
            edits.getChildren().forEach(b -> b.setDisable(true));
            // disabled buttons get no mouse events, so the reason hangs on their box
            Tooltip.install(edits, new Tooltip(row.readOnlyWhy()));
            edits.setId(id("token-readonly", row));
        }
        return edits;
    }

    private void askName(TokenRow row, Node owner) {
        TextInputDialog ask = new TextInputDialog(row.title().equals(row.label()) ? "" : row.title());
        ask.initOwner(owner.getScene().getWindow());
        ask.setTitle(i18n.get("tokens.rename.title"));
        ask.setHeaderText(null);
        ask.setContentText(i18n.get("tokens.rename.prompt", row.label()));
        ask.getEditor().setId("token-rename-field");
        ask.showAndWait().ifPresent(name -> vm.rename(row, name));
    }

    private Button icon(String idPrefix, TokenRow row, Ikon ikon, String tooltipKey) {
        Button b = new Button(null, new FontIcon(ikon));
        b.setId(id(idPrefix, row));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        b.setTooltip(new Tooltip(i18n.get(tooltipKey)));
        b.setAccessibleText(i18n.get(tooltipKey));
        return b;
    }

    private Node verdictIcon(TokenRow row) {
        FontIcon icon = switch (row.verdict()) {
            case PASSED -> new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
            case FAILED -> new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
            case NO_PROBE, NONE -> new FontIcon(MaterialDesignH.HELP_CIRCLE_OUTLINE);
        };
        icon.getStyleClass().add(switch (row.verdict()) {
            case PASSED -> "outcome-good";
            case FAILED -> "outcome-bad";
            case NO_PROBE, NONE -> "outcome-neutral";
        });
        return row.testing() ? null : icon;
    }

    private String source(String source) {
        if (source == null) {
            return "";
        }
        if (source.startsWith("env:")) {
            return i18n.get("tokens.source.env", source.substring(4));
        }
        String key = "tokens.source." + source;
        String text = i18n.get(key);
        return text.equals(key) ? source : text;
    }

    private static String stateStyle(TokenRow row) {
        if (!row.enabled()) {
            return Styles.TEXT_MUTED;
        }
        return switch (row.state()) {
            case TokenState.Ready r -> Styles.SUCCESS;
            case TokenState.Cooling c -> Styles.WARNING;
            case TokenState.Invalid i -> Styles.DANGER;
        };
    }

    private static String id(String prefix, TokenRow row) {
        return prefix + "-" + row.provider().wireName() + "-" + row.position();
    }
}
