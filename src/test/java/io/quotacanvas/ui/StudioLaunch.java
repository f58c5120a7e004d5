package io.quotacanvas.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/// Starts the real studio window over a [FakeStudio] (the way [StudioWindowTest] does), and checks what a
/// person would see: waits, and labels cut short with an ellipsis.
public final class StudioLaunch {
    private StudioLaunch() {
    }

    /// The app on `stage`, at its default window size; `answer` is what every file chooser returns.
    public static StudioApp start(Stage stage, FakeStudio studio, Path dir, Path answer) {
        StudioSetup setup = new StudioSetup(Map.of("QUOTA_CANVAS_HOME", dir.toString()), studio.clock(),
                (config, env, clock) -> studio, (owner, name) -> Optional.ofNullable(answer),
                new StudioFixture.RecordingDesktop(), (owner, message, label) -> true, TokenManagerHook.NONE, false);
        StudioApp app = new StudioApp(setup);
        app.init();
        app.start(stage);
        return app;
    }

    public static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /// Every shown label, button, check box… under `root` whose text is drawn shortened ("L…"), as
    /// `text -> shown`.
    public static List<String> cutLabels(Node root) {
        List<String> cut = new ArrayList<>();
        collect(root, cut);
        return cut;
    }

    /// The text node that draws `owner`'s own text: its first `.text` Text, not one of a nested control's.
    private static Text ownText(Node node, Labeled owner) {
        if (node instanceof Text t && t.getStyleClass().contains("text")) {
            return t;
        }
        if (node != owner && node instanceof javafx.scene.control.Control) {
            return null;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Text found = ownText(child, owner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getScene() != null) {
            Node drawn = ownText(l, l);
            if (drawn instanceof Text t && !t.getText().equals(l.getText()) && !l.isWrapText()) {
                cut.add(l.getText() + " -> " + t.getText());
            } else if (drawn instanceof Text t && l.isWrapText() && t.getText().endsWith("…")
                    && !l.getText().endsWith("…")) {
                cut.add(l.getText() + " -> " + t.getText());
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
