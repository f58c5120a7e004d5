package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.AttemptRecord;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The fallback chain panel: the rows of whichever image is shown, live for a running image (the list
/// grows as events arrive) or fixed for a finished one (from its stored attempts).
public final class ChainViewModel {
    private final ReadOnlyObjectWrapper<ObservableList<ChainRow>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");

    public ReadOnlyObjectProperty<ObservableList<ChainRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObservableList<ChainRow> rows() {
        return rows.get();
    }

    /// What the rows belong to (a prompt, shortened), empty when nothing is shown.
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /// Follows a live list (owned by the running batch).
    public void follow(ObservableList<ChainRow> live, String what) {
        rows.set(live);
        title.set(what == null ? "" : what);
    }

    /// Shows a finished image's attempts.
    public void show(List<AttemptRecord> attempts, String what) {
        rows.set(FXCollections.observableArrayList(attempts.stream().map(ChainRow::of).toList()));
        title.set(what == null ? "" : what);
    }

    public void clear() {
        rows.set(FXCollections.observableArrayList());
        title.set("");
    }
}
