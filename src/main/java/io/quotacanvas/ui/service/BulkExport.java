package io.quotacanvas.ui.service;

import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.storage.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/// Exports many library images at once: to a folder, or to a `.zip` file. Each image goes as its PNG (the
/// library's own copy: its prompt and settings are embedded) plus a `<id>.txt` beside it with the same
/// settings as plain text, for tools and sites that strip PNG metadata. Images chosen by id are read from the
/// library a chunk at a time, so exporting 20,000 never holds them all. Blocking; call from the task
/// service. A zip appears whole or not at all.
public final class BulkExport {
    static final int CHUNK = 200;

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
        return write(target, sink -> {
            int done = 0;
            for (StoredImage image : images) {
                sink.add(image);
                progress.accept(++done);
            }
            return done;
        });
    }

    /// Exports the images with `ids` (in that order; ids no longer in the library are skipped).
    public int exportIds(List<String> ids, Path target, IntConsumer progress) throws LibraryException {
        return write(target, sink -> {
            int done = 0;
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                Map<String, StoredImage> found = new HashMap<>();
                store.find(chunk).forEach(i -> found.put(i.id(), i));
                for (String id : chunk) {
                    StoredImage image = found.get(id);
                    if (image != null) {
                        sink.add(image);
                        progress.accept(++done);
                    }
                }
            }
            return done;
        });
    }

    /// First removes what an export that crashed there left (a half-written zip is a large temp file).
    private int write(Path target, Feed feed) throws LibraryException {
        if (isZip(target)) {
            AtomicFiles.cleanLeftoversBeside(target);
            return zip(target, feed);
        }
        Sink sink = folder(target);
        AtomicFiles.cleanLeftoversBeside(target.resolve("any"));
        return feed.into(sink);
    }

    private Optional<String> settings(StoredImage image) throws LibraryException {
        return store.readParameters(image.path());
    }

    /// Gives every image to a sink; returns how many went.
    @FunctionalInterface
    private interface Feed {
        int into(Sink sink) throws LibraryException;
    }

    /// Where exported images go.
    @FunctionalInterface
    private interface Sink {
        void add(StoredImage image) throws LibraryException;
    }

    /// Each image as its own PNG and text file, each written atomically.
    private Sink folder(Path folder) throws LibraryException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LibraryException("Could not create the folder " + folder + ": " + e.getMessage(), e);
        }
        return image -> {
            store.exportCopy(image, folder.resolve(image.id() + ".png"));
            Optional<String> text = settings(image);
            if (text.isPresent()) {
                Path file = folder.resolve(image.id() + ".txt");
                try {
                    AtomicFiles.write(file, text.get().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new LibraryException("Could not write " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /// The zip is streamed into [AtomicFiles]' temp file, which becomes `zip` only once every image is in.
    private int zip(Path zip, Feed feed) throws LibraryException {
        int[] done = {0};
        try {
            AtomicFiles.write(zip, file -> {
                BufferedOutputStream buffered = new BufferedOutputStream(file, 1 << 16);
                ZipOutputStream out = new ZipOutputStream(buffered);
                try {
                    done[0] = feed.into(image -> addToZip(out, image, zip));
                } catch (LibraryException e) {
                    throw new Abort(e); // through AtomicFiles, which then removes its temp file
                }
                out.finish();
                buffered.flush();
            });
            return done[0];
        } catch (Abort a) {
            throw a.reason;
        } catch (IOException e) {
            throw new LibraryException("Could not write " + zip + ": " + e.getMessage(), e);
        }
    }

    private void addToZip(ZipOutputStream out, StoredImage image, Path zip) throws LibraryException {
        try {
            out.putNextEntry(new ZipEntry(image.id() + ".png"));
            Files.copy(image.path(), out);
            out.closeEntry();
            Optional<String> text = settings(image);
            if (text.isPresent()) {
                out.putNextEntry(new ZipEntry(image.id() + ".txt"));
                out.write(text.get().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new LibraryException("Could not add " + image.path() + " to " + zip + ": " + e.getMessage(), e);
        }
    }

    /// Carries a [LibraryException] out of a zip being written.
    private static final class Abort extends RuntimeException {
        private final LibraryException reason;

        Abort(LibraryException reason) {
            super(reason.getMessage(), reason, false, false);
            this.reason = reason;
        }
    }
}
