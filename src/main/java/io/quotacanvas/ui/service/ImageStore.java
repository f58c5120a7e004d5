package io.quotacanvas.ui.service;

import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/// The library as the studio uses it. Every method may touch the disk: call through the task service.
/// Implementations are thread-safe.
public interface ImageStore {

    Path root();

    /// Newest first; see [LibraryQuery].
    List<StoredImage> list(LibraryQuery query) throws LibraryException;

    /// The ids `query` matches, in its order and page, without their metadata.
    List<String> ids(LibraryQuery query) throws LibraryException;

    /// How many images match (offset and limit ignored).
    int count(LibraryQuery query) throws LibraryException;

    Optional<StoredImage> find(String id) throws LibraryException;

    /// The images among `ids` that exist, in no particular order.
    List<StoredImage> find(Collection<String> ids) throws LibraryException;

    boolean setFavourite(String id, boolean favourite) throws LibraryException;

    /// Marks or unmarks all of `ids`; returns how many changed.
    int setFavourites(Collection<String> ids, boolean favourite) throws LibraryException;

    /// Deletes the file and its index row.
    boolean delete(String id) throws LibraryException;

    /// Deletes the files and index rows of `ids`; returns how many went (see `Library#delete(Collection)`).
    int delete(Collection<String> ids) throws LibraryException;


    /// Copies the PNG (metadata included) to `target`.
    Path exportCopy(StoredImage image, Path target) throws LibraryException;

    /// The settings embedded in any PNG: ours, or an A1111 `parameters` chunk. Empty for other files.
    Optional<ImageMetadata> readMetadata(Path png) throws LibraryException;

    /// The A1111 `parameters` text embedded in a PNG (prompt and settings as one readable text), if any.
    Optional<String> readParameters(Path png) throws LibraryException;
}
