package io.quotacanvas.ui.control;

import atlantafx.base.theme.Styles;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.SkipExplanations;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/// One attempt of the fallback chain in two lines, so it reads in a narrow panel:
/// `[icon] gitee · z-image-turbo · gitee#2 …9f3a` over `quota used up · HTTP 429 · 312 ms · cooling until
/// 14:32 · <message>`.
public final class ChainCell extends ListCell<ChainRow> {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final I18n i18n;
    private final ZoneId zone;
    private final StackPane icon = new StackPane();
    private final Label route = new Label();
    private final Label detail = new Label();
    private final HBox box;
    private String iconKind;

    public ChainCell(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
        icon.setMinWidth(20);
        icon.setAlignment(Pos.TOP_CENTER);
        route.getStyleClass().add("chain-route");
        // a comparison cell is narrow: the route wraps rather than hide the token label
        route.setWrapText(true);
        route.prefWidthProperty().bind(widthProperty().subtract(40));
        route.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.setWrapText(true);
        // a wrapping label needs a width to wrap at: the cell's, less the icon column
        detail.prefWidthProperty().bind(widthProperty().subtract(40));
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox lines = new VBox(1, route, detail);
        box = new HBox(6, icon, lines);
        box.setAlignment(Pos.TOP_LEFT);
        setPrefWidth(0);
        // weak: lists make and drop cells; the language outlives them
        i18n.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    private final javafx.beans.InvalidationListener relabel = o -> updateItem(getItem(), isEmpty());

    @Override
    protected void updateItem(ChainRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        // the list measures rows by updating a cell with each: make an icon only when the kind changes
        String kind = row.kind() == ChainRow.Kind.RUNNING ? "running" : row.outcomeName();
        if (!kind.equals(iconKind)) {
            iconKind = kind;
            icon.getChildren().setAll(OutcomeIcons.of(row));
        }
        route.setText(routeText(row));
        detail.setText(detailText(row));
        setGraphic(box);
    }

    static String routeText(ChainRow r) {
        StringBuilder sb = new StringBuilder();
        if ("optimize".equals(r.step()) || "translate".equals(r.step())) {
            sb.append(r.step()).append(": ");
        }
        sb.append(ProviderId.nameOf(r.provider())).append(" · ").append(r.model());
        if (r.tokenLabel() != null) {
            sb.append(" · ").append(r.tokenLabel());
        }
        return sb.toString();
    }

    private String detailText(ChainRow r) {
        List<String> parts = new ArrayList<>();
        String key = "outcome." + r.outcomeName();
        String outcome = i18n.get(key);
        parts.add(outcome.equals(key) ? r.outcomeName() : outcome);
        if (r.httpStatus() > 0) {
            parts.add("HTTP " + r.httpStatus());
        }
        if (r.kind() == ChainRow.Kind.SUCCESS || r.kind() == ChainRow.Kind.FAILURE) {
            parts.add(i18n.get("chain.ms", r.elapsedMs()));
        }
        if (r.coolingUntil() != null) {
            parts.add(i18n.get("chain.coolingUntil", HH_MM.format(r.coolingUntil().atZone(zone))));
        }
        if (r.kind() == ChainRow.Kind.SKIPPED) {
            parts.add(SkipExplanations.explain(r, i18n));
        } else if (r.message() != null && !r.message().isBlank()) {
            parts.add(r.message());
        }
        return String.join(" · ", parts);
    }
}
