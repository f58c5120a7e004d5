package io.quotacanvas.library;

import io.quotacanvas.core.ImageData;
import io.quotacanvas.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/// The image library: PNG files with embedded metadata under `root`, and a rebuildable SQLite index.
///
/// Layout: `<root>/<yyyy>/<MM>/<id>.png` (UTC dates), index and favourites list in `<root>/.quota-canvas/`.
/// Ids look like `20261124-143205-k3f9qz`: the UTC creation second plus a random suffix, so they sort by time.
/// Every PNG carries its metadata (an A1111 `parameters` chunk and a `quota-canvas` JSON chunk), so the
/// index can always be rebuilt from the files; it is rebuilt automatically when the index file is missing.
///
/// Thread-safe: one instance may be used from many threads, and several instances (in this or other
/// processes, e.g. the studio and CLI runs) may use one root at the same time. Close it when done.
public final class Library implements AutoCloseable {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String CLEANED_STAMP = "leftovers-cleaned";
    private static final Duration FULL_CLEAN = Duration.ofDays(1);
    private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Path metaDir;
    private final LibraryIndex index;

    /// Opens (creating if needed) the library in `root`, removes temp files left by a crashed writer
    /// ([#cleanLeftovers]), and rebuilds the index from the images if the index file did not exist.
    ///
    /// @throws LibraryException if the folder cannot be created or the index cannot be opened
    public Library(Path root) throws LibraryException {
        this(root, Clock.systemUTC());
    }

    /// As [#Library(Path)], with the clock that says when the library was last cleaned.
    Library(Path root, Clock clock) throws LibraryException {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.metaDir = this.root.resolve(".quota-canvas");
        try {
            Files.createDirectories(metaDir);
        } catch (IOException e) {
            throw Failures.io("create the library folder", metaDir, e);
        }
        cleanLeftovers(clock.instant());
        this.index = new LibraryIndex(this.root, metaDir.resolve("index.db"));
        if (index.created()) {
            rebuildIndex();
        }
    }

    /// Removes the temp files of crashed writers: in this month's folder, where today's writes go, at every
    /// open; in the whole library at most once a day (a stamp file's time says when it last was). The command
    /// line opens the library for every image, and walking 20,000 images takes 50-70 ms of a cold start;
    /// an older leftover only takes disk space until the next day's walk.
    private void cleanLeftovers(Instant now) {
        Path stamp = metaDir.resolve(CLEANED_STAMP);
        try {
            if (Files.exists(stamp) && Files.getLastModifiedTime(stamp).toInstant().isAfter(now.minus(FULL_CLEAN))) {
                Path month = root.resolve(relativePath(ID_TIME.format(now))).getParent();
                if (Files.isDirectory(month)) {
                    AtomicFiles.cleanLeftovers(month, null);
                }
                return;
            }
            AtomicFiles.cleanLeftovers(root, metaDir);
            AtomicFiles.write(stamp, new byte[0]);
            Files.setLastModifiedTime(stamp, FileTime.from(now));
        } catch (IOException e) {
            // housekeeping: a library that can't be cleaned or stamped still opens (and is walked next time)
        }
    }

    /// The library folder (absolute).
    public Path root() {
        return root;
    }

    /// Stores `image` as a PNG with `metadata` embedded, then indexes it. The file appears atomically: a crash
    /// leaves either no image or the whole image. A null `metadata.createdAt()` means now.
    ///
    /// @throws LibraryException if the image cannot be decoded or written, or the index cannot be updated (the
    ///     message says whether the file was kept)
    public StoredImage save(ImageData image, ImageMetadata metadata) throws LibraryException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(metadata, "metadata");
        ImageMetadata m = metadata.createdAt() != null ? metadata : withCreatedAt(metadata, Instant.now());
        byte[] png = PngEncoding.withMetadata(image, m);
        String id;
        Path target;
        do {
            id = newId(m.createdAt());
            target = root.resolve(relativePath(id));
        } while (Files.exists(target));
        writeDurably(target, png);
        try {
            index.insert(new IndexEntry(id, relativePath(id), m));
        } catch (LibraryException e) {
            throw new LibraryException("The image was saved as " + target + " but is not in the gallery yet. "
                    + e.getMessage(), e.getCause());
        }
        return new StoredImage(id, target, m, false);
    }

    /// Writes a copy of the stored PNG (metadata included) to `target` atomically, creating parent folders
    /// and replacing an existing file. Returns `target`.
    public Path exportCopy(StoredImage image, Path target) throws LibraryException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image.path());
        } catch (IOException e) {
            throw Failures.io("read the stored image", image.path(), e);
        }
        writeDurably(target, bytes);
        return target;
    }

    /// Images matching `query`, newest first; see [LibraryQuery]. A `limit` of 0 or less means no limit.
    public List<StoredImage> list(LibraryQuery query) throws LibraryException {
        return index.list(query);
    }

    /// The ids of the images `query` matches, in its order and page, without reading their metadata (for
    /// selecting a range or everything in a large library).
    public List<String> ids(LibraryQuery query) throws LibraryException {
        return index.ids(query);
    }

    /// How many images match `query` (its offset and limit are ignored).
    public int count(LibraryQuery query) throws LibraryException {
        return index.count(query);
    }

    /// The image with this id, if indexed.
    public Optional<StoredImage> find(String id) throws LibraryException {
        return index.find(id);
    }

    /// The indexed images among `ids`, in no particular order (unknown ids are left out).
    public List<StoredImage> find(Collection<String> ids) throws LibraryException {
        return ids.isEmpty() ? List.of() : index.findAll(ids);
    }

    /// Marks or unmarks an image as favourite; false if no image has this id.
    public boolean setFavourite(String id, boolean favourite) throws LibraryException {
        return index.setFavourite(id, favourite);
    }

    /// Marks or unmarks all of `ids` in one step; returns how many changed (unknown ids are ignored).
    public int setFavourites(Collection<String> ids, boolean favourite) throws LibraryException {
        return ids.isEmpty() ? 0 : index.setFavourites(ids, favourite);
    }

    /// Deletes the files and index rows of `ids` (unknown ids are ignored); returns how many were deleted.
    /// An image whose file cannot be deleted keeps its row; after the others are gone, a [LibraryException]
    /// says how many were kept and why.
    public int delete(Collection<String> ids) throws LibraryException {
        if (ids.isEmpty()) {
            return 0;
        }
        List<String> gone = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        IOException firstFailure = null;
        for (StoredImage image : index.findAll(ids)) {
            try {
                Files.deleteIfExists(image.path());
                gone.add(image.id());
            } catch (IOException e) {
                kept.add(image.id());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        int deleted = gone.isEmpty() ? 0 : index.deleteAll(gone);
        if (firstFailure != null) {
            throw new LibraryException(kept.size() + " of " + (kept.size() + gone.size()) + " images could not be"
                    + " deleted and stay in the library (" + firstFailure.getMessage() + ").", firstFailure);
        }
        return deleted;
    }


    /// Deletes the image's file and its index row; false if no image has this id. If the file cannot be
    /// deleted, the row is kept and a [LibraryException] says why.
    public boolean delete(String id) throws LibraryException {
        Optional<StoredImage> image = index.find(id);
        if (image.isEmpty()) {
            return false;
        }
        try {
            Files.deleteIfExists(image.get().path());
        } catch (IOException e) {
            throw Failures.io("delete", image.get().path(), e);
        }
        return index.delete(id);
    }

    /// Re-creates the index from the PNG files under the root (all of them, also ones made by other tools),
    /// in one transaction; favourites are kept. Returns how many images are indexed.
    public int rebuildIndex() throws LibraryException {
        return index.replaceAll(() -> LibraryScan.scan(root, metaDir));
    }

    /// The metadata embedded in a PNG: ours if present, else what an A1111 `parameters` chunk gives (prompt,
    /// steps, CFG scale, seed, size, model; unknown seed is -1). Empty for other files.
    ///
    /// @throws LibraryException if the file cannot be read
    public static Optional<ImageMetadata> readMetadata(Path png) throws LibraryException {
        try {
            Optional<PngChunks.TextInfo> info = PngChunks.readText(png);
            return info.isEmpty() ? Optional.empty() : LibraryScan.metadata(png, info.get());
        } catch (IOException e) {
            throw Failures.io("read", png, e);
        }
    }

    /// The raw A1111 `parameters` text of a PNG, if it has one.
    ///
    /// @throws LibraryException if the file cannot be read
    public static Optional<String> readParameters(Path png) throws LibraryException {
        try {
            return PngChunks.readText(png).map(info -> info.texts().get(PngEncoding.PARAMETERS));
        } catch (IOException e) {
            throw Failures.io("read", png, e);
        }
    }

    @Override
    public void close() {
        index.close();
    }

    private static String newId(Instant createdAt) {
        StringBuilder sb = new StringBuilder(ID_TIME.format(createdAt)).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String relativePath(String id) {
        return id.substring(0, 4) + "/" + id.substring(4, 6) + "/" + id + ".png";
    }

    private static ImageMetadata withCreatedAt(ImageMetadata m, Instant createdAt) {
        return new ImageMetadata(m.promptOriginal(), m.promptFinal(), m.provider(), m.model(), m.providerModel(),
                m.seed(), m.steps(), m.guidanceScale(), m.aspectRatio(), m.width(), m.height(), createdAt,
                m.remoteUrl(), m.attempts(), m.runId());
    }

    /// Writes `data` to `target` atomically and durably (fsync), as every library file is written.
    static void writeDurably(Path target, byte[] data) throws LibraryException {
        try {
            AtomicFiles.write(target, data, AtomicFiles.Option.DURABLE);
        } catch (IOException e) {
            throw Failures.io("write", target, e);
        }
    }

}
