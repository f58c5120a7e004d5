package io.quotacanvas.library;

/// One image as the index stores it: id, path relative to the library root (with `/`), and its metadata.
record IndexEntry(String id, String relativePath, ImageMetadata metadata) {}
