package io.quotacanvas.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Crash-safe file writes for every file the program writes (images, the vault, settings, thumbnails,
/// exports): a temp file in the target's folder, then an atomic rename, so a reader (or a crash) sees either
/// the old file or the whole new one, never half of it.
///
/// Temp files are named `.qc-<pid>-<random>.tmp` so leftovers can be told apart from files still being
/// written by another live process ([#cleanLeftovers]). Stateless and thread-safe.
public final class AtomicFiles {
    private static final Pattern TEMP = Pattern.compile("\\.qc-(\\d+)-[0-9a-z]+\\.tmp");
    /// A temp file this old is a leftover even if its process id now belongs to another live process.
    private static final Duration STALE = Duration.ofHours(1);

    /// How a write is done; none of them is the default.
    public enum Option {
        /// `fsync` the file before the rename and the folder after it, so the new content survives a power
        /// cut (images, the vault). Caches that can be rebuilt skip it.
        DURABLE,
        /// Created readable and writable by the owner only (0600) from its first byte, where the file
        /// system has POSIX permissions (secrets).
        OWNER_ONLY
    }

    /// Writes a file's content to a stream; the stream is closed by [AtomicFiles].
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /// Writes `data` to `target`, creating parent folders and replacing an existing file.
    public static void write(Path target, byte[] data, Option... options) throws IOException {
        write(target, out -> out.write(data), options);
    }

    /// Writes what `content` produces to `target`, creating parent folders and replacing an existing file.
    /// When `content` or any step fails, the temp file is removed and `target` is left as it was.
    public static void write(Path target, Content content, Option... options) throws IOException {
        Set<Option> opts = options.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.of(options[0], options);
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(".qc-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.createFile(temp, attributes(dir, opts));
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                content.writeTo(out);
                out.flush();
                if (opts.contains(Option.DURABLE)) {
                    ch.force(true);
                }
            }
            move(temp, target);
            if (opts.contains(Option.DURABLE)) {
                syncDirectory(dir);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /// Deletes temp files under `root` left by crashed writers: those whose process is gone, or that are
    /// stale. `skip` (may be null) is a folder not to enter. Returns how many were removed; files it cannot
    /// delete are left for the next time.
    public static int cleanLeftovers(Path root, Path skip) {
        return clean(root, skip, Integer.MAX_VALUE);
    }

    /// Like [#cleanLeftovers], for the folder `file` is in and not its subfolders: cheap enough to run before
    /// every write of a small file that lives beside big folders (the config folder can hold the library).
    public static int cleanLeftoversBeside(Path file) {
        return clean(file.toAbsolutePath().getParent(), null, 1);
    }

    private static int clean(Path root, Path skip, int depth) {
        int[] removed = {0};
        Instant staleBefore = Instant.now().minus(STALE);
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Matcher m = TEMP.matcher(file.getFileName().toString());
                    if (m.matches() && isLeftover(m.group(1), attrs.lastModifiedTime().toInstant(), staleBefore)
                            && deleteQuietly(file)) {
                        removed[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // cleaning is housekeeping: an unreadable folder must not stop anything from opening
        }
        return removed[0];
    }

    private static FileAttribute<?>[] attributes(Path dir, Set<Option> opts) throws IOException {
        if (!opts.contains(Option.OWNER_ONLY) || !Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static boolean isLeftover(String pid, Instant modified, Instant staleBefore) {
        if (modified.isBefore(staleBefore)) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on unusual file systems; still never a half-written target
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true); // makes the rename itself durable on POSIX
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Windows cannot open folders as channels; NTFS journals the rename anyway
        }
    }

    private static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
