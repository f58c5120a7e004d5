package io.quotacanvas.token.vault;

import io.quotacanvas.storage.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/// A file of secrets in the config folder (the token vault, the gateway keys): created owner-only (0600)
/// and written atomically and durably through [AtomicFiles], checked on every read — a file other users
/// could read or change is refused, never silently fixed or read. Updates are serialised within the process
/// (one lock per path, however many instances) and across processes (an OS lock on `<name>.lock`).
/// Thread-safe.
final class OwnerOnlyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /// Work done while holding the file's locks.
    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    private final Path file;
    private final Path lockFile;
    private final boolean posix;

    OwnerOnlyFile(Path file) {
        this.file = file.toAbsolutePath();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.posix = isPosix(this.file);
    }

    Path path() {
        return file;
    }

    boolean posix() {
        return posix;
    }

    /// The file's text, after checking no other user may read or change it.
    ///
    /// @throws NoSuchFileException when it doesn't exist yet
    /// @throws VaultException when others may read or write it
    String read() throws IOException {
        checkPermissions();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /// Runs `work` holding the in-process lock and the OS lock, so a read-change-write inside it is never
    /// interleaved with another's. Temp files that crashed writers left beside the file are removed first.
    <T> T update(Locked<T> work) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly()); FileLock ignored = channel.lock()) {
                AtomicFiles.cleanLeftoversBeside(file);
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    /// Replaces the file's content; call it inside [#update].
    void write(String text) throws IOException {
        // created owner-only from the start: the content is never readable by others, not even for a moment
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.Option.DURABLE,
                AtomicFiles.Option.OWNER_ONLY);
    }

    private void checkPermissions() throws IOException {
        if (!posix) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        boolean readable = perms.contains(PosixFilePermission.GROUP_READ)
                || perms.contains(PosixFilePermission.OTHERS_READ);
        boolean writable = perms.contains(PosixFilePermission.GROUP_WRITE)
                || perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (readable || writable) {
            throw new VaultException(file + " is " + (readable ? "readable" : "writable")
                    + " by other users; run chmod 600 " + file + " and try again");
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path file) {
        Path existing = file;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
        } catch (IOException e) {
            return file.getFileSystem().supportedFileAttributeViews().contains("posix");
        }
    }
}
