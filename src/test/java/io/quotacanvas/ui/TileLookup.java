package io.quotacanvas.ui;

import javafx.scene.Node;
import org.testfx.api.FxRobot;

/// Finds a gallery tile on screen by the key it shows (an image id, or `run:index` for a running tile):
/// tiles keep their key in the user data, not in a CSS id (a new id restyles the cell).
public final class TileLookup {
    private TileLookup() {
    }

    public static Node tile(FxRobot robot, String key) {
        return robot.lookup(".tile").match((Node n) -> key.equals(n.getUserData()) && shown(n)).query();
    }

    /// Visible up to the scene root (the grid keeps a hidden measuring row whose cells hold keys too).
    private static boolean shown(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
