package io.quotacanvas.ui.control;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/// Keeps a pane's children in step with a list, one node per item, changing only what changed: an item that
/// leaves takes its node away at once, and new items get theirs at most `perFrame` a frame, in their places,
/// once `delay` frames have passed since the change (the frame that shows the change itself has its own
/// layout to do; two lists that grow together can take turns).
///
/// So a list that grows by many items at once (a batch's images, a run) never makes the FX thread build and
/// style all their nodes in one frame, and the nodes of the other items are never touched (replacing a
/// pane's children restyles every one of them). Items are keyed by `equals`. FX thread only.
public final class PacedChildren<T> {
    private final ObservableList<? extends T> items;
    private final Pane pane;
    private final Function<T, Node> make;
    private final Consumer<Node> dispose;
    private final int perFrame;
    private final Map<T, Node> nodes = new HashMap<>();
    private final Map<Node, T> itemOf = new HashMap<>();
    private final AnimationTimer catchUp = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (waiting > 0) {
                waiting--;
            } else if (sync(perFrame)) {
                stop();
            }
        }
    };
    private final int delay;
    private int waiting;

    /// Follows `items` in `pane` from now on, making the nodes of the items already there at once. `dispose`
    /// is called with each node that leaves.
    public PacedChildren(ObservableList<? extends T> items, Pane pane, Function<T, Node> make, Consumer<Node> dispose,
                         int perFrame, int delay) {
        this.delay = delay;
        this.items = items;
        this.pane = pane;
        this.make = make;
        this.dispose = dispose;
        this.perFrame = perFrame;
        sync(Integer.MAX_VALUE);
        items.addListener((ListChangeListener<T>) c -> {
            if (!sync(0)) {
                waiting = delay;
                catchUp.start();
            }
        });
    }

    /// Takes out the nodes of items that left and makes up to `budget` missing ones; true when every item
    /// has its node.
    private boolean sync(int budget) {
        List<? extends T> wanted = items;
        pane.getChildren().removeIf(n -> {
            T item = itemOf.get(n);
            if (item == null || wanted.contains(item)) {
                return false;
            }
            nodes.remove(item);
            itemOf.remove(n);
            dispose.accept(n);
            return true;
        });
        int at = 0;
        boolean complete = true;
        for (T item : wanted) {
            Node node = nodes.get(item);
            if (node == null && budget > 0) {
                budget--;
                node = make.apply(item);
                nodes.put(item, node);
                itemOf.put(node, item);
                pane.getChildren().add(at, node);
            }
            if (node == null) {
                complete = false;
            } else {
                at++;
            }
        }
        return complete;
    }
}
