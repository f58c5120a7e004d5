package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.OutcomeIcons;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.ChainViewModel;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/// The fallback chain: one table row per attempt or skipped candidate, live while the image runs.
public final class ChainView {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ChainViewModel chain;
    private final I18n i18n;
    private final ZoneId zone;

    public ChainView(ChainViewModel chain, I18n i18n, ZoneId zone) {
        this.chain = chain;
        this.i18n = i18n;
        this.zone = zone;
    }

    public Node build() {
        Label title = new Label();
        title.textProperty().bind(i18n.text(() -> chain.titleProperty().get().isEmpty() ? i18n.get("chain.title")
                : i18n.get("chain.titleFor", shorten(chain.titleProperty().get())), chain.titleProperty()));
        title.getStyleClass().add(Styles.TITLE_4);
        VBox box = new VBox(6, title, createTable());
        box.setPadding(new Insets(8));
        VBox.setVgrow(box.getChildren().get(1), javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private Node createTable() {
        TableView<ChainRow> table = new TableView<>();
        table.setId("chain");
        table.itemsProperty().bind(chain.rowsProperty());
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("chain.empty"));
        table.setPlaceholder(empty);
        TableColumn<ChainRow, ChainRow> icon = new TableColumn<>();
        icon.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        icon.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ChainRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : OutcomeIcons.of(row));
            }
        });
        icon.setPrefWidth(30);
        icon.setMaxWidth(30);
        table.getColumns().add(icon);
        table.getColumns().add(column("chain.provider", 80, r -> r.provider().wireName()
                + (isPromptStep(r) ? " (" + r.step() + ")" : "")));
        table.getColumns().add(column("chain.model", 110, ChainRow::model));
        table.getColumns().add(column("chain.token", 110, r -> r.tokenLabel() == null ? "" : r.tokenLabel()));
        table.getColumns().add(column("chain.outcome", 110, this::outcome));
        table.getColumns().add(column("chain.http", 50, r -> r.httpStatus() == 0 ? "" : Integer.toString(r.httpStatus())));
        table.getColumns().add(column("chain.elapsed", 70, r -> r.kind() == ChainRow.Kind.RUNNING
                || r.kind() == ChainRow.Kind.SKIPPED ? "" : i18n.get("chain.ms", r.elapsedMs())));
        table.getColumns().add(column("chain.message", 220, this::message));
        return table;
    }

    private static boolean isPromptStep(ChainRow r) {
        return "optimize".equals(r.step()) || "translate".equals(r.step());
    }

    private String outcome(ChainRow r) {
        String key = "outcome." + r.outcome();
        String text = i18n.get(key);
        return text.equals(key) ? r.outcome() : text;
    }

    private String message(ChainRow r) {
        String m = r.message() == null ? "" : r.message();
        if (r.coolingUntil() != null) {
            String until = i18n.get("chain.coolingUntil", HH_MM.format(r.coolingUntil().atZone(zone)));
            return m.isEmpty() ? until : until + " · " + m;
        }
        return m;
    }

    private TableColumn<ChainRow, String> column(String key, double width, Function<ChainRow, String> value) {
        TableColumn<ChainRow, String> col = new TableColumn<>();
        col.textProperty().bind(i18n.text(key));
        col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        col.setPrefWidth(width);
        return col;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }
}
