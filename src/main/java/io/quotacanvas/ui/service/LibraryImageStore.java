package io.quotacanvas.ui.service;

import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/// [ImageStore] over the core [Library].
final class LibraryImageStore implements ImageStore {
    private final Library library;

    LibraryImageStore(Library library) {
        this.library = library;
    }

    @Override
    public Path root() {
        return library.root();
    }

    @Override
    public List<StoredImage> list(LibraryQuery query) throws LibraryException {
        return library.list(query);
    }

    @Override
    public int count(LibraryQuery query) throws LibraryException {
        return library.count(query);
    }

    @Override
    public Optional<StoredImage> find(String id) throws LibraryException {
        return library.find(id);
    }

    @Override
    public boolean setFavourite(String id, boolean favourite) throws LibraryException {
        return library.setFavourite(id, favourite);
    }

    @Override
    public boolean delete(String id) throws LibraryException {
        return library.delete(id);
    }

    @Override
    public Path exportCopy(StoredImage image, Path target) throws LibraryException {
        return library.exportCopy(image, target);
    }

    @Override
    public Optional<ImageMetadata> readMetadata(Path png) throws LibraryException {
        return Library.readMetadata(png);
    }
}
