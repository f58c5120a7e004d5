package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.viewmodel.QuotaGroup;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/// "What can I still generate today?": per provider a header (images today, next quota reset) and a grid
/// of its models — ready tokens, cooling tokens with reset times, known remaining calls, anonymous route.
final class QuotaPanel {
    private final ObservableList<QuotaGroup> groups;
    private final I18n i18n;
    private final VBox content = new VBox(14);

    QuotaPanel(ObservableList<QuotaGroup> groups, I18n i18n) {
        this.groups = groups;
        this.i18n = i18n;
    }

    Node build() {
        content.setPadding(new Insets(12));
        content.setId("quota-panel");
        groups.addListener((ListChangeListener<QuotaGroup>) c -> rebuild());
        rebuild();
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void rebuild() {
        content.getChildren().clear();
        for (QuotaGroup g : groups) {
            Label header = new Label(g.header());
            header.getStyleClass().add(Styles.TITLE_4);
            content.getChildren().addAll(header, createGrid(g));
        }
        Label note = new Label(i18n.get("quota.note"));
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        note.setWrapText(true);
        content.getChildren().add(note);
    }

    private GridPane createGrid(QuotaGroup g) {
        GridPane grid = new GridPane(18, 4);
        grid.setId("quota-" + g.provider().wireName());
        for (double width : new double[] {130, 110, 260, 120, 100}) {
            // the same column widths in every provider's grid, so the panel reads as one table
            grid.getColumnConstraints().add(new ColumnConstraints(width, width, Double.MAX_VALUE));
        }
        String[] heads = {"quota.col.model", "quota.col.ready", "quota.col.cooling", "quota.col.remaining",
                "quota.col.anonymous"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(i18n.get(heads[c]));
            h.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            grid.add(h, c, 0);
        }
        int r = 1;
        for (QuotaGroup.Line line : g.lines()) {
            grid.addRow(r++, new Label(line.model()), new Label(line.ready()), new Label(line.cooling()),
                    new Label(line.remaining()), new Label(line.anonymous()));
        }
        return grid;
    }
}
