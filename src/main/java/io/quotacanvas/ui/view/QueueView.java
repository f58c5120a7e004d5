package io.quotacanvas.ui.view;

import atlantafx.base.theme.Styles;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.control.PacedChildren;
import io.quotacanvas.ui.control.ThinProgress;
import io.quotacanvas.ui.viewmodel.GenerationViewModel;
import io.quotacanvas.ui.viewmodel.Run;
import io.quotacanvas.ui.viewmodel.RunQueue;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.BooleanBinding;
import javafx.event.EventHandler;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/// The queue under the create panel: one row per run in the order it was sent — what it is, a progress
/// bar, "3 of 8 · 1 failed · running" — with Cancel while it runs and Retry failed once it is done; and
/// "Clear finished".
///
/// A run going in adds its own row a couple of frames later and leaves the others be ([PacedChildren]); a
/// row's tooltips are made when the pointer first comes over it (a tooltip is a popup with a scene of its
/// own: making every row's again as a batch started cost the FX thread a frame), and its Retry when the run
/// ends with failures.
final class QueueView {
    private final GenerationViewModel generation;
    private final RunQueue queue;
    private final I18n i18n;
    private final VBox rows = new VBox(6);

    QueueView(GenerationViewModel generation, I18n i18n) {
        this.generation = generation;
        this.queue = generation.queue();
        this.i18n = i18n;
    }

    Node build() {
        Label title = new Label();
        title.textProperty().bind(generation.queueTitle(i18n));
        title.getStyleClass().add(Styles.TEXT_CAPTION);
        Button clear = new Button();
        clear.setId("queue-clear");
        clear.textProperty().bind(i18n.text("queue.clear"));
        clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.disableProperty().bind(queue.hasFinished().not());
        clear.setOnAction(e -> queue.clearFinished());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(6, title, grow, clear);
        head.setAlignment(Pos.CENTER_LEFT);
        rows.setId("queue");
        // two frames after the run goes in (the first shows Generate's own changes, the second the chain's first
        // rows); the gallery's strip makes its tiles after this row (RunningStripView)
        new PacedChildren<>(queue.runs(), rows, this::row, n -> { }, 1, 2);
        VBox box = new VBox(4, head, rows);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(queue.runs()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node row(Run run) {
        FontIcon kind = new FontIcon(run.kind() == Run.Kind.COMPARE ? MaterialDesignV.VIEW_GRID_OUTLINE
                : MaterialDesignI.IMAGE_MULTIPLE_OUTLINE);
        Label prompt = new Label(oneLine(run.prompt()));
        prompt.setMinWidth(0);
        lazyTooltip(prompt, () -> new Tooltip(run.prompt()));
        HBox.setHgrow(prompt, Priority.ALWAYS);
        prompt.setMaxWidth(Double.MAX_VALUE);
        Button cancel = iconButton("queue-cancel-" + run.number(), MaterialDesignC.CLOSE, "queue.cancel",
                () -> queue.cancel(run));
        cancel.visibleProperty().bind(run.stateProperty().isEqualTo(Run.State.RUNNING)
                .or(run.stateProperty().isEqualTo(Run.State.QUEUED)));
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox top = new HBox(6, kind, prompt, cancel);
        top.setAlignment(Pos.CENTER_LEFT);
        addRetryWhenNeeded(run, top);
        ThinProgress bar = new ThinProgress(run.finishedProperty().divide((double) Math.max(1, run.total())));
        Label figures = new Label();
        figures.setId("queue-status-" + run.number());
        figures.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        CreatePanel.flowing(figures);
        figures.textProperty().bind(i18n.text(() -> i18n.get("queue.row", run.finishedProperty().get() - run.failedProperty().get(), run.total(),
                        run.failedProperty().get(), i18n.get("queue.state." + run.state().name().toLowerCase(java.util.Locale.ROOT))),
                run.finishedProperty(), run.failedProperty(), run.stateProperty()));
        VBox row = new VBox(2, top, bar, figures);
        row.setId("queue-run-" + run.number());
        row.getStyleClass().add("queue-row");
        return row;
    }

    /// Puts "Retry failed" in the row's top line once the run is over with failures (made then: most runs
    /// never need it), hidden again while the run goes on.
    private void addRetryWhenNeeded(Run run, HBox top) {
        BooleanBinding canRetry = run.stateProperty().isNotEqualTo(Run.State.RUNNING)
                .and(run.stateProperty().isNotEqualTo(Run.State.QUEUED))
                .and(run.stateProperty().isNotEqualTo(Run.State.CANCELLING))
                .and(run.failedProperty().greaterThan(0));
        // the row holds the binding: bindings listen weakly, and nothing else would keep it
        top.getProperties().put("canRetry", canRetry);
        InvalidationListener add = new InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (!canRetry.get()) {
                    return;
                }
                canRetry.removeListener(this);
                Button retry = iconButton("queue-retry-" + run.number(), MaterialDesignR.REFRESH,
                        "queue.retryFailed", () -> queue.retryFailed(run));
                retry.visibleProperty().bind(canRetry);
                retry.managedProperty().bind(retry.visibleProperty());
                top.getChildren().add(top.getChildren().size() - 1, retry);
            }
        };
        canRetry.addListener(add);
        add.invalidated(canRetry);
    }

    private Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String key, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Styles.BUTTON_ICON);
        lazyTooltip(b, () -> {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(i18n.text(key));
            return tip;
        });
        b.setOnAction(e -> action.run());
        return b;
    }

    /// Gives `control` the tooltip `make` makes when the pointer first comes over it.
    private static void lazyTooltip(Control control, Supplier<Tooltip> make) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(make.get());
                }
            }
        });
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").strip();
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }
}
