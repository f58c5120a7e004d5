package io.quotacanvas.ui.control;

import io.quotacanvas.ui.viewmodel.ChainRow;
import javafx.scene.Node;
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
            return new BusyIndicator(14);
        }
        return forOutcome(row.outcomeName());
    }

    /// Initialises the icon packs the chain and the tiles use, off the FX thread. Each pack is an enum of
    /// thousands of constants whose first use otherwise costs the FX thread a frame mid-batch.
    public static void preload() {
        int constants = MaterialDesignA.values().length + MaterialDesignC.values().length
                + MaterialDesignK.values().length + MaterialDesignS.values().length
                + MaterialDesignT.values().length;
        if (constants == 0) {
            throw new IllegalStateException("icon packs are empty");
        }
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
