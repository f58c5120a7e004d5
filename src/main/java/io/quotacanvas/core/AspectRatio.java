package io.quotacanvas.core;

import java.util.Arrays;
import java.util.Optional;

/// The supported aspect ratios with the base (non-HD) pixel size sent to providers.
public enum AspectRatio {
    SQUARE("1:1", 1024, 1024),
    WIDE("16:9", 1024, 576),
    TALL("9:16", 576, 1024),
    LANDSCAPE_4_3("4:3", 1024, 768),
    PORTRAIT_3_4("3:4", 768, 1024),
    LANDSCAPE_3_2("3:2", 960, 640),
    PORTRAIT_2_3("2:3", 640, 960),
    PORTRAIT_4_5("4:5", 819, 1024),
    LANDSCAPE_5_4("5:4", 1024, 819);

    private final String label;
    private final int width;
    private final int height;

    AspectRatio(String label, int width, int height) {
        this.label = label;
        this.width = width;
        this.height = height;
    }

    public String label() {
        return label;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /// Pixel size for this ratio; HD scales both sides by `hdScale` and rounds to a multiple of 16
    /// (most diffusion back ends require it).
    public ImageSize size(boolean hd, double hdScale) {
        if (!hd) {
            return new ImageSize(width, height);
        }
        return new ImageSize(round16(width * hdScale), round16(height * hdScale));
    }

    private static int round16(double v) {
        return (int) Math.round(v / 16.0) * 16;
    }

    public static Optional<AspectRatio> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label == null ? "" : label.trim())).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
