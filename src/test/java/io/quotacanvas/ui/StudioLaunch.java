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

    /// A primary click on `node` with Shift and/or Ctrl held, delivered as the window would deliver it. (The
    /// headless platform's robot doesn't put held keys on mouse events, so TestFX's press + click can't.)
    public static void clickWith(org.testfx.api.FxRobot robot, Node node, boolean shift, boolean ctrl) {
        robot.interact(() -> {
            var b = node.localToScene(node.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            var p = node.localToScreen(node.getBoundsInLocal());
            javafx.event.Event.fireEvent(node, new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_CLICKED, x, y, p.getCenterX(), p.getCenterY(),
                    javafx.scene.input.MouseButton.PRIMARY, 1, shift, ctrl, false, false, true, false, false, true,
                    false, true, null));
        });
    }

    /// A key typed with Ctrl (or Cmd) held, delivered to the focused node as the window would.
    public static void typeWithShortcut(org.testfx.api.FxRobot robot, Node target, javafx.scene.input.KeyCode key) {
        robot.interact(() -> javafx.event.Event.fireEvent(target, new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", key, false, true, false, false)));
    }

    /// Waits until every stored image on screen (the grid's and the running strip's) shows its thumbnail (made
    /// one at a time in the background).
    public static void awaitThumbnails(org.testfx.api.FxRobot robot) throws Exception {
        await(() -> robot.lookup(".tile").queryAll().stream().filter(StudioLaunch::shownTile).allMatch(n -> {
            io.quotacanvas.ui.viewmodel.Tile shows = switch (n) {
                case io.quotacanvas.ui.control.TileCell cell -> cell.getItem();
                case io.quotacanvas.ui.control.StripTile strip -> strip.tile();
                default -> null;
            };
            return !(shows != null && shows.now() instanceof io.quotacanvas.ui.viewmodel.Tile.Stored)
                    || n.lookupAll(".image-view").stream().anyMatch(v -> ((javafx.scene.image.ImageView) v).getImage() != null);
        }));
    }

    private static boolean shownTile(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
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
