package io.quotacanvas.library;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/// Reads metadata back from PNG files, and walks a library folder to rebuild its index from them.
///
/// Stateless and thread-safe.
final class LibraryScan {
    private LibraryScan() {
    }

    /// Our JSON if present, else what the A1111 `parameters` text gives; empty for a PNG with neither.
    static Optional<ImageMetadata> metadata(Path png, PngChunks.TextInfo info) throws IOException {
        String json = info.texts().get(PngEncoding.QUOTA_CANVAS);
        if (json != null) {
            Optional<ImageMetadata> ours = MetadataCodec.fromJson(json);
            if (ours.isPresent()) {
                return ours;
            }
        }
        String parameters = info.texts().get(PngEncoding.PARAMETERS);
        if (parameters == null) {
            return Optional.empty();
        }
        ImageMetadata m = MetadataCodec.fromParameters(parameters, modified(png));
        return Optional.of(m.width() > 0 ? m : withSize(m, info.width(), info.height()));
    }

    /// Every PNG under `root` except in `skip`, as index entries; ids come from our metadata-bearing file
    /// names (made unique if two folders hold the same name). Unreadable or non-PNG files are left out.
    static List<IndexEntry> scan(Path root, Path skip) throws LibraryException {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE; // one unreadable folder must not hide the rest of the library
                }
            });
        } catch (IOException e) {
            throw Failures.io("scan the library folder", root, e);
        }
        files.sort(null);
        Set<String> ids = new HashSet<>();
        List<IndexEntry> entries = new ArrayList<>();
        for (Path file : files) {
            entry(root, file, ids).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<IndexEntry> entry(Path root, Path file, Set<String> ids) {
        try {
            Optional<PngChunks.TextInfo> info = PngChunks.readText(file);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            ImageMetadata m = metadata(file, info.get()).orElse(null);
            if (m == null) {
                m = withSize(new ImageMetadata("", "", null, null, null, MetadataCodec.UNKNOWN_SEED, 0, null, null,
                        0, 0, modified(file), null, List.of()), info.get().width(), info.get().height());
            }
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.length() - 4);
            String id = stem;
            for (int n = 2; !ids.add(id); n++) {
                id = stem + "-" + n;
            }
            String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            return Optional.of(new IndexEntry(id, relative, m));
        } catch (IOException damaged) {
            return Optional.empty();
        }
    }

    private static ImageMetadata withSize(ImageMetadata m, int width, int height) {
        return new ImageMetadata(m.promptOriginal(), m.promptFinal(), m.provider(), m.model(), m.providerModel(),
                m.seed(), m.steps(), m.guidanceScale(), m.aspectRatio(), width, height,
                m.createdAt() == null ? Instant.EPOCH : m.createdAt(), m.remoteUrl(), m.attempts(), m.runId());
    }

    private static Instant modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toInstant();
    }
}
