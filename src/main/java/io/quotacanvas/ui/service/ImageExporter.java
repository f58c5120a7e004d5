package io.quotacanvas.ui.service;

import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.storage.AtomicFiles;
import io.quotacanvas.storage.ImageEncoding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/// Save As: a PNG is the library's own copy (metadata kept); a `.jpg`/`.jpeg` target is re-encoded as JPEG
/// (JPEG has no room for our PNG chunks, so it carries pixels only). Blocking; call from the task service.
public final class ImageExporter {
    private final ImageStore store;

    public ImageExporter(ImageStore store) {
        this.store = store;
    }

    public static boolean isJpeg(Path target) {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    public Path export(StoredImage image, Path target) throws LibraryException {
        if (!isJpeg(target)) {
            return store.exportCopy(image, target);
        }
        try {
            BufferedImage source = ImageIO.read(image.path().toFile());
            if (source == null) {
                throw new LibraryException("The image file could not be read: " + image.path());
            }
            BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            var g = rgb.createGraphics();
            g.drawImage(source, 0, 0, java.awt.Color.WHITE, null);
            g.dispose();
            AtomicFiles.write(target, out -> ImageEncoding.write(rgb, "jpeg", out), AtomicFiles.Option.DURABLE);
            return target;
        } catch (IOException e) {
            throw new LibraryException("Could not save " + target + ": " + e.getMessage(), e);
        }
    }
}
