package io.quotacanvas.ui.control;

import javafx.beans.value.ObservableNumberValue;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/// A thin progress bar: a track and a fill as wide as the fraction done. The stock `ProgressBar` builds a
/// skin with its own animation machinery, which cost the FX thread a frame when a run's row appeared in
/// the queue just as its tiles went into the gallery.
public final class ThinProgress extends StackPane {
    private final Region fill = new Region();

    public ThinProgress(ObservableNumberValue fraction) {
        getStyleClass().add("thin-progress");
        fill.getStyleClass().add("thin-progress-fill");
        fill.setManaged(false);
        getChildren().add(fill);
        setMinHeight(4);
        setPrefHeight(4);
        setMaxHeight(4);
        setMaxWidth(Double.MAX_VALUE);
        fraction.addListener(o -> requestLayout());
        this.fraction = fraction;
    }

    private final ObservableNumberValue fraction;

    @Override
    protected void layoutChildren() {
        double f = Math.clamp(fraction.doubleValue(), 0, 1);
        fill.resizeRelocate(0, 0, Math.round(getWidth() * f), getHeight());
    }
}
