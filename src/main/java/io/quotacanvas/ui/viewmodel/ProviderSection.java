package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ProviderId;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// One provider's part of the token manager: a summary line and its rows in rotation order (Hugging
/// Face's anonymous pseudo-token last). Updated in place by [TokenManagerViewModel]. FX thread only.
public final class ProviderSection {
    private final ProviderId provider;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<TokenRow> rows = FXCollections.observableArrayList();
    // one wrapper, kept: listeners added to a fresh wrapper die with it
    private final ObservableList<TokenRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);

    ProviderSection(ProviderId provider) {
        this.provider = provider;
    }

    public ProviderId provider() { return provider; }
    /// "gitee — 2 of 3 ready · 5 images today".
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ObservableList<TokenRow> rows() { return readOnlyRows; }

    void update(String newTitle, java.util.List<TokenRow> newRows) {
        title.set(newTitle);
        rows.setAll(newRows);
    }
}
