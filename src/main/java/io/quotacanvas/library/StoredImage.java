package io.quotacanvas.library;

import java.nio.file.Path;

/// An image the library holds: its id (time-sortable, unique), the PNG's path, and its metadata.
public record StoredImage(String id, Path path, ImageMetadata metadata, boolean favourite) {}
