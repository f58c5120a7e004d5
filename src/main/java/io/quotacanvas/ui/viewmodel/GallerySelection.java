package io.quotacanvas.ui.viewmodel;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/// The gallery's multi-selection: the ids of the stored images picked with click, Shift, Ctrl/Cmd or
/// Ctrl+A, in the order they were picked, and the anchor a Shift-click extends from. Selection is by image
/// id, so it survives pages coming and going. FX thread only.
public final class GallerySelection {
    private final Set<String> ids = new LinkedHashSet<>();
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private int anchor = -1;

    /// How many images are selected.
    public ReadOnlyIntegerProperty sizeProperty() { return size.getReadOnlyProperty(); }

    /// Changes on every change of the selection (tiles re-mark themselves on it).
    public ReadOnlyIntegerProperty revisionProperty() { return revision.getReadOnlyProperty(); }

    public boolean contains(String id) {
        return ids.contains(id);
    }

    public int size() {
        return ids.size();
    }

    /// The selected ids, in picking order (a copy).
    public Set<String> ids() {
        return new LinkedHashSet<>(ids);
    }

    int anchor() {
        return anchor;
    }

    void anchorAt(int index) {
        anchor = index;
    }

    void set(Collection<String> chosen) {
        ids.clear();
        ids.addAll(chosen);
        changed();
    }

    void addAll(Collection<String> chosen) {
        ids.addAll(chosen);
        changed();
    }

    void toggle(String id) {
        if (!ids.remove(id)) {
            ids.add(id);
        }
        changed();
    }

    void removeAll(Collection<String> gone) {
        if (ids.removeAll(gone)) {
            changed();
        }
    }

    void clear() {
        anchor = -1;
        if (!ids.isEmpty()) {
            ids.clear();
            changed();
        }
    }

    private void changed() {
        size.set(ids.size());
        revision.set(revision.get() + 1);
    }
}
