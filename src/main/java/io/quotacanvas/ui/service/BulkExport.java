package io.quotacanvas.ui.service;

import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        try (Sink sink = open(target)) {
            int done = 0;
            for (StoredImage image : images) {
                sink.add(image);
                progress.accept(++done);
            }
            sink.commit();
            return done;
        }
    }

    /// Exports the images with `ids` (in that order; ids no longer in the library are skipped).
    public int exportIds(List<String> ids, Path target, IntConsumer progress) throws LibraryException {
        try (Sink sink = open(target)) {
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
            sink.commit();
            return done;
        }
    }

    private Sink open(Path target) throws LibraryException {
        return isZip(target) ? new ZipSink(target) : new FolderSink(target);
    }

    private Optional<String> settings(StoredImage image) throws LibraryException {
        return store.readParameters(image.path());
    }

    /// Where exported images go.
    private interface Sink extends AutoCloseable {
        void add(StoredImage image) throws LibraryException;

        /// Makes the export visible (a zip is moved into place); without it, close discards what it can.
        void commit() throws LibraryException;

        @Override
        void close() throws LibraryException;
    }

    private final class FolderSink implements Sink {
        private final Path folder;

        FolderSink(Path folder) throws LibraryException {
            this.folder = folder;
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new LibraryException("Could not create the folder " + folder + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void add(StoredImage image) throws LibraryException {
            store.exportCopy(image, folder.resolve(image.id() + ".png"));
            Optional<String> text = settings(image);
            if (text.isPresent()) {
                Path file = folder.resolve(image.id() + ".txt");
                try {
                    Files.writeString(file, text.get(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new LibraryException("Could not write " + file + ": " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }

    private final class ZipSink implements Sink {
        private final Path zip;
        private final Path tmp;
        private final ZipOutputStream out;
        private boolean committed;

        ZipSink(Path zip) throws LibraryException {
            this.zip = zip;
            try {
                Path dir = zip.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                tmp = Files.createTempFile(dir, ".export-", ".zip.tmp");
                OutputStream file = Files.newOutputStream(tmp);
                out = new ZipOutputStream(file);
            } catch (IOException e) {
                throw new LibraryException("Could not write " + zip + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void add(StoredImage image) throws LibraryException {
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

        @Override
        public void commit() throws LibraryException {
            try {
                out.close();
                Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                committed = true;
            } catch (IOException e) {
                throw new LibraryException("Could not write " + zip + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException ignored) {
                // already closed by commit, or failing anyway: the temp file goes below
            }
            if (!committed) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temp file is only clutter
                }
            }
        }
    }
}
