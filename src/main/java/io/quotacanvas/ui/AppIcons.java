package io.quotacanvas.ui;

import java.util.List;
import javafx.scene.image.Image;

/// The app icon at every size it is drawn in (generated from assets/icon.svg by packaging/render-icons),
/// for window title bars, task bars and the header. Images load on first use; FX thread or launcher thread.
public final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};

    private AppIcons() {
    }

    /// Every size, smallest first, for `Stage.getIcons()` (the window system picks the best fit).
    public static List<Image> all() {
        return java.util.Arrays.stream(SIZES).mapToObj(AppIcons::of).toList();
    }

    /// The icon drawn for `size` pixels (one of 16, 24, 32, 48, 64, 128, 256, 512).
    public static Image of(int size) {
        return new Image(AppIcons.class.getResource("icons/icon-" + size + ".png").toExternalForm());
    }
}
