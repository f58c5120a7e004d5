package io.quotacanvas.core;

/// Decoded-and-verified image bytes as a provider returned them.
///
/// `format` is the ImageIO format name that decoded the bytes (`png`, `jpeg`, `webp`…);
/// width and height come from the decoded image, never from the request.
public record ImageData(byte[] bytes, String format, int width, int height) {
    public ImageData {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("image bytes are empty");
        }
    }

    @Override
    public String toString() {
        return "ImageData[" + format + " " + width + "x" + height + ", " + bytes.length + " bytes]";
    }
}
