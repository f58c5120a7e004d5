package io.quotacanvas.ui.service;

import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import java.nio.file.Path;
import java.util.Collection;
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
    public List<String> ids(LibraryQuery query) throws LibraryException {
        return library.ids(query);
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
    public List<StoredImage> find(Collection<String> ids) throws LibraryException {
        return library.find(ids);
    }

    @Override
    public boolean setFavourite(String id, boolean favourite) throws LibraryException {
        return library.setFavourite(id, favourite);
    }

    @Override
    public int setFavourites(Collection<String> ids, boolean favourite) throws LibraryException {
        return library.setFavourites(ids, favourite);
    }

    @Override
    public boolean delete(String id) throws LibraryException {
        return library.delete(id);
    }

    @Override
    public int delete(Collection<String> ids) throws LibraryException {
        return library.delete(ids);
    }


    @Override
    public Path exportCopy(StoredImage image, Path target) throws LibraryException {
        return library.exportCopy(image, target);
    }

    @Override
    public Optional<ImageMetadata> readMetadata(Path png) throws LibraryException {
        return Library.readMetadata(png);
    }

    @Override
    public Optional<String> readParameters(Path png) throws LibraryException {
        return Library.readParameters(png);
    }
}
