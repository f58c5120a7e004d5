package io.quotacanvas.ui.control;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.RotateTransition;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.util.Duration;

/// A light "working" indicator: one three-quarter arc turned by one transition, animating only while it
/// is in a scene.
///
/// The stock indeterminate `ProgressIndicator` rebuilds a timeline and lays out a ring of paths for every
/// instance, which cost the FX thread whole frames when a batch put several running tiles on screen. The
/// transition turns a plain pane holding the arc, not the arc: a turned shape has its stroke's bounds
/// measured again on every frame, a turned pane only its square's corners.
public final class BusyIndicator extends StackPane {
    private final RotateTransition turn;

    public BusyIndicator(int size) {
        double radius = size / 2.0 - 2;
        Arc arc = new Arc(0, 0, radius, radius, 90, 270);
        arc.setType(ArcType.OPEN);
        arc.setStrokeWidth(Math.max(2, size / 10.0));
        arc.setStrokeLineCap(StrokeLineCap.ROUND);
        arc.getStyleClass().add("busy-indicator-arc");
        StackPane wheel = new StackPane(arc);
        wheel.setMinSize(size, size);
        wheel.setMaxSize(size, size);
        getChildren().add(wheel);
        getStyleClass().add("busy-indicator");
        setMinSize(size, size);
        setMaxSize(size, size);
        turn = new RotateTransition(Duration.seconds(1), wheel);
        turn.setByAngle(360);
        turn.setInterpolator(Interpolator.LINEAR);
        turn.setCycleCount(Animation.INDEFINITE);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) {
                turn.stop();
            } else {
                turn.play();
            }
        });
    }
}
