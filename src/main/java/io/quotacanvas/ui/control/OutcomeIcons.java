package io.quotacanvas.ui.control;

import io.quotacanvas.ui.viewmodel.ChainRow;
import javafx.scene.Node;
import javafx.scene.control.ProgressIndicator;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/// The outcome icon of a chain row (and of failure tiles): a small spinner while running, else a
/// coloured Material Design icon per outcome.
public final class OutcomeIcons {
    private OutcomeIcons() {
    }

    public static Node of(ChainRow row) {
        if (row.kind() == ChainRow.Kind.RUNNING) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(14, 14);
            p.setMaxSize(14, 14);
            return p;
        }
        return forOutcome(row.outcome());
    }

    public static FontIcon forOutcome(String outcome) {
        FontIcon icon = switch (outcome) {
            case "success" -> new FontIcon(MaterialDesignC.CHECK_CIRCLE);
            case "skipped" -> new FontIcon(MaterialDesignS.SKIP_NEXT_CIRCLE_OUTLINE);
            case "quota_exhausted" -> new FontIcon(MaterialDesignT.TIMER_SAND_EMPTY);
            case "rate_limited" -> new FontIcon(MaterialDesignS.SPEEDOMETER);
            case "auth_failed" -> new FontIcon(MaterialDesignK.KEY_REMOVE);
            case "timeout" -> new FontIcon(MaterialDesignT.TIMER_OFF_OUTLINE);
            default -> new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        };
        icon.getStyleClass().add("outcome-" + outcome.replace('_', '-'));
        icon.getStyleClass().add(switch (outcome) {
            case "success" -> "outcome-good";
            case "skipped", "cancelled" -> "outcome-neutral";
            default -> "outcome-bad";
        });
        icon.setIconSize(16);
        return icon;
    }
}
