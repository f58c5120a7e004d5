package io.quotacanvas.core;

/// A width × height in pixels.
public record ImageSize(int width, int height) {
    public ImageSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
    }

    /// `1024x768`, the form OpenAI-style `size` fields take.
    public String wxh() {
        return width + "x" + height;
    }
}
