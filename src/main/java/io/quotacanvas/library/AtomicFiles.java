package io.quotacanvas.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Crash-safe file writes: a temp file in the target's folder, `fsync`, then an atomic rename, so a reader
/// (or a crash) sees either the old file or the whole new one, never half of it.
///
/// Temp files are named `.qc-<pid>-<random>.tmp` so leftovers can be told apart from files still being
/// written by another live process. Stateless and thread-safe.
final class AtomicFiles {
    private static final Pattern TEMP = Pattern.compile("\\.qc-(\\d+)-[0-9a-z]+\\.tmp");
    /// A temp file this old is a leftover even if its process id now belongs to another live process.
    private static final Duration STALE = Duration.ofHours(1);

    private AtomicFiles() {
    }

    /// Writes `data` to `target`, creating parent folders and replacing an existing file.
    static void write(Path target, byte[] data) throws LibraryException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = dir.resolve(".qc-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            move(temp, target);
            syncDirectory(dir);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw Failures.io("write", target, e);
        }
    }

    /// Deletes temp files under `root` left by crashed writers: those whose process is gone, or that are stale.
    /// Returns how many were removed; files it cannot delete are left for the next open.
    static int cleanLeftovers(Path root, Path skip) {
        int[] removed = {0};
        Instant staleBefore = Instant.now().minus(STALE);
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
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
            // cleaning is housekeeping: an unreadable folder must not stop the library from opening
        }
        return removed[0];
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
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
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

    static boolean deleteQuietly(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
