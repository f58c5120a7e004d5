package io.quotacanvas.ui.control;

import io.quotacanvas.library.StoredImage;
import io.quotacanvas.storage.AtomicFiles;
import io.quotacanvas.storage.ImageEncoding;
import io.quotacanvas.ui.TaskService;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/// Gallery thumbnails: made off the FX thread, kept on disk under `<library>/.quota-canvas/thumbs/<id>.png`
/// and in a small in-memory LRU, so scrolling 5,000 images holds only what is near the screen.
///
/// [#request] is called on the FX thread; work that is no longer wanted when its turn comes (the cell
/// scrolled on) is skipped.
public final class ThumbnailCache {
    public static final int SIZE = 168;
    private static final Logger LOG = Logger.getLogger(ThumbnailCache.class.getName());
    private static final int MEMORY_ENTRIES = 300;

    private final Path folder;
    private final TaskService tasks;
    // one at a time: on a 2-core machine a second decoder takes the render thread's core
    private final Semaphore decoding = new Semaphore(1);
    private final Map<String, Image> memory = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MEMORY_ENTRIES;
        }
    };

    public ThumbnailCache(Path libraryRoot, TaskService tasks) {
        this.folder = libraryRoot.resolve(".quota-canvas").resolve("thumbs");
        this.tasks = tasks;
    }

    /// The thumbnail if it is in memory, else null (then call [#request]).
    public Image cached(String id) {
        return memory.get(id);
    }

    /// Loads (making it if needed) the image's thumbnail and hands it to `then` on the FX thread, unless
    /// `stillWanted` (read from the worker) says the cell moved on.
    public void request(StoredImage image, BooleanSupplier stillWanted, Consumer<Image> then) {
        Image hit = memory.get(image.id());
        if (hit != null) {
            then.accept(hit);
            return;
        }
        tasks.submit("thumb", () -> stillWanted.getAsBoolean() ? load(image) : null, thumb -> {
            if (thumb != null) {
                memory.put(image.id(), thumb);
                then.accept(thumb);
            }
        }, e -> LOG.log(Level.FINE, "no thumbnail for " + image.id(), e));
    }

    private Image load(StoredImage image) throws IOException, InterruptedException {
        Path thumb = folder.resolve(image.id() + ".png");
        decoding.acquire();
        try {
            if (!Files.isRegularFile(thumb)) {
                make(image.path(), thumb);
            }
            try (InputStream in = Files.newInputStream(thumb)) {
                return new Image(in);
            }
        } finally {
            decoding.release();
        }
    }

    private static void make(Path source, Path thumb) throws IOException {
        BufferedImage full = ImageIO.read(source.toFile());
        if (full == null) {
            throw new IOException("not an image: " + source);
        }
        double scale = Math.min(1.0, (double) SIZE / Math.max(full.getWidth(), full.getHeight()));
        int w = Math.max(1, (int) Math.round(full.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(full.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        var g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, w, h, null);
        g.dispose();
        // a cache: rebuilt when lost, so no fsync
        AtomicFiles.write(thumb, out -> ImageEncoding.write(small, "png", out));
    }
}
