package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.ChainCell;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.ChainViewModel;
import java.time.ZoneId;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// The fallback chain: one row per attempt or skipped candidate, appearing as events arrive while the
/// image runs, or the stored attempts of a finished image.
public final class ChainView {
    private final ChainViewModel chain;
    private final I18n i18n;
    private final ZoneId zone;
    private final String id;

    public ChainView(ChainViewModel chain, I18n i18n, ZoneId zone, String id) {
        this.chain = chain;
        this.i18n = i18n;
        this.zone = zone;
        this.id = id;
    }

    public Node build() {
        Label title = new Label();
        title.textProperty().bind(i18n.text(() -> chain.titleProperty().get().isEmpty() ? i18n.get("chain.title")
                : i18n.get("chain.titleFor", shorten(chain.titleProperty().get())), chain.titleProperty()));
        title.getStyleClass().add(Styles.TITLE_4);
        Node list = createList();
        VBox box = new VBox(6, title, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8));
        return box;
    }

    private Node createList() {
        ListView<ChainRow> list = new ListView<>();
        list.setId(id);
        list.itemsProperty().bind(chain.rowsProperty());
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "chain-list");
        list.setCellFactory(l -> new ChainCell(i18n, zone));
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("chain.empty"));
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        return list;
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }
}
