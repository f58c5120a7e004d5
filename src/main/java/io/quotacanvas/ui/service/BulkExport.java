package io.quotacanvas.ui.service;

import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/// Exports many library images at once: to a folder, or to a `.zip` file. Each image goes as its PNG
/// (the library's own copy: its prompt and settings are embedded) plus a `<id>.txt` beside it with the same
/// settings as plain text, for tools and sites that strip PNG metadata. Blocking; call from the task
/// service. A zip appears whole or not at all.
public final class BulkExport {
    private final ImageStore store;

    public BulkExport(ImageStore store) {
        this.store = store;
    }

    /// Whether `target` names a zip file (else it is a folder).
    public static boolean isZip(Path target) {
        return target.getFileName() != null
                && target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /// Exports `images` to `target`; `progress` hears how many are done after each. Returns how many went.
    ///
    /// @throws LibraryException if an image can't be read or the target can't be written (a zip is then
    ///     not left half-written; images already copied to a folder stay)
    public int export(List<StoredImage> images, Path target, IntConsumer progress) throws LibraryException {
        return isZip(target) ? toZip(images, target, progress) : toFolder(images, target, progress);
    }

    private int toFolder(List<StoredImage> images, Path folder, IntConsumer progress) throws LibraryException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LibraryException("Could not create the folder " + folder + ": " + e.getMessage(), e);
        }
        int done = 0;
        for (StoredImage image : images) {
            store.exportCopy(image, folder.resolve(image.id() + ".png"));
            Optional<String> text = store.readParameters(image.path());
            if (text.isPresent()) {
                try {
                    Files.writeString(folder.resolve(image.id() + ".txt"), text.get(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new LibraryException("Could not write " + folder.resolve(image.id() + ".txt") + ": "
                            + e.getMessage(), e);
                }
            }
            progress.accept(++done);
        }
        return done;
    }

    private int toZip(List<StoredImage> images, Path zip, IntConsumer progress) throws LibraryException {
        Path dir = zip.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".export-", ".zip.tmp");
            int done = 0;
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
                for (StoredImage image : images) {
                    z.putNextEntry(new ZipEntry(image.id() + ".png"));
                    Files.copy(image.path(), z);
                    z.closeEntry();
                    Optional<String> text = store.readParameters(image.path());
                    if (text.isPresent()) {
                        z.putNextEntry(new ZipEntry(image.id() + ".txt"));
                        z.write(text.get().getBytes(StandardCharsets.UTF_8));
                        z.closeEntry();
                    }
                    progress.accept(++done);
                }
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return done;
        } catch (IOException e) {
            throw new LibraryException("Could not write " + zip + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is only clutter
                }
            }
        }
    }
}
