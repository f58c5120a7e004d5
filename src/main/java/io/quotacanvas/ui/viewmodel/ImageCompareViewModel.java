package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/// Two library images compared: side by side, or one over the other with a slider that reveals the left
/// image up to [#splitProperty]; plus the settings in which they differ. FX thread only.
public final class ImageCompareViewModel {
    public enum Mode { SLIDER, SIDE_BY_SIDE }

    /// One setting that differs: its message key and both values.
    public record Difference(String labelKey, String left, String right) {}

    private final ReadOnlyObjectWrapper<StoredImage> left = new ReadOnlyObjectWrapper<>(this, "left");
    private final ReadOnlyObjectWrapper<StoredImage> right = new ReadOnlyObjectWrapper<>(this, "right");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIDE_BY_SIDE);
    private final DoubleProperty split = new SimpleDoubleProperty(this, "split", 0.5);
    private final BooleanBinding showing = Bindings.isNotNull(left);

    public ReadOnlyObjectProperty<StoredImage> leftProperty() { return left.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StoredImage> rightProperty() { return right.getReadOnlyProperty(); }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    /// In slider mode, how much of the width shows the left image (0–1).
    public DoubleProperty splitProperty() { return split; }
    public BooleanBinding showing() { return showing; }

    public void open(StoredImage a, StoredImage b) {
        split.set(0.5);
        right.set(b);
        left.set(a);
    }

    public void close() {
        left.set(null);
        right.set(null);
    }

    public void swap() {
        StoredImage a = left.get();
        left.set(right.get());
        right.set(a);
    }

    /// The settings in which the two images differ, in a fixed order (empty when closed).
    public List<Difference> differences(I18n i18n) {
        if (left.get() == null || right.get() == null) {
            return List.of();
        }
        ImageMetadata a = left.get().metadata();
        ImageMetadata b = right.get().metadata();
        List<Difference> out = new ArrayList<>();
        add(out, "detail.provider", a, b, m -> m.provider() == null ? "—" : m.provider().wireName());
        add(out, "detail.model", a, b, ImageMetadata::model);
        add(out, "detail.seed", a, b, m -> Long.toString(m.seed()));
        add(out, "detail.steps", a, b, m -> Integer.toString(m.steps()));
        add(out, "detail.guidance", a, b, m -> m.guidanceScale() == null ? "—" : m.guidanceScale().toString());
        add(out, "detail.size", a, b, m -> m.width() + " × " + m.height());
        add(out, "detail.finalPrompt", a, b, ImageMetadata::promptFinal);
        return out;
    }

    private static void add(List<Difference> out, String key, ImageMetadata a, ImageMetadata b,
                            Function<ImageMetadata, String> field) {
        String x = field.apply(a);
        String y = field.apply(b);
        if (!Objects.equals(x, y)) {
            out.add(new Difference(key, x == null ? "—" : x, y == null ? "—" : y));
        }
    }
}
