package io.quotacanvas.storage;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.ImageIO;

/// Encodes an image into a stream for [AtomicFiles], failing loudly where `ImageIO` only returns false.
public final class ImageEncoding {
    private ImageEncoding() {
    }

    /// Writes `image` as `format` ("png", "jpeg") to `out`.
    ///
    /// @throws IOException when writing fails or no encoder for `format` is installed
    public static void write(RenderedImage image, String format, OutputStream out) throws IOException {
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no " + format + " encoder is available");
        }
    }
}
