package io.quotacanvas.library;

import io.quotacanvas.core.ImageData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// The image library: PNG files with embedded metadata under `root`, and a rebuildable SQLite index.
/// (Skeleton: filled in by the library work.)
public final class Library implements AutoCloseable {
    private final Path root;

    public Library(Path root) throws LibraryException {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public StoredImage save(ImageData image, ImageMetadata metadata) throws LibraryException {
        throw new LibraryException("not implemented");
    }

    public Path exportCopy(StoredImage image, Path target) throws LibraryException {
        throw new LibraryException("not implemented");
    }

    public List<StoredImage> list(LibraryQuery query) throws LibraryException {
        throw new LibraryException("not implemented");
    }

    public Optional<StoredImage> find(String id) throws LibraryException {
        throw new LibraryException("not implemented");
    }

    public int rebuildIndex() throws LibraryException {
        throw new LibraryException("not implemented");
    }

    @Override
    public void close() {
    }
}
