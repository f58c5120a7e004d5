package io.quotacanvas.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/// Where `--output` copies go: the path itself for one image; `name-1.png`, `name-2.png`… for a batch;
/// `<folder>/<id>.png` when the path is an existing folder or ends with a separator. Immutable.
public record OutputPaths(Path base, int count) {

    public static final OutputPaths NONE = new OutputPaths(null, 1);

    /// The target for image `index` (0-based), or null when no `--output` was given.
    public Path pathFor(int index, String id) {
        if (base == null) {
            return null;
        }
        if (Files.isDirectory(base) || base.toString().endsWith("/") || base.toString().endsWith("\\")) {
            return base.resolve(id + ".png");
        }
        if (count <= 1) {
            return base;
        }
        String name = base.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".png";
        return base.resolveSibling(stem + "-" + (index + 1) + ext);
    }
}
