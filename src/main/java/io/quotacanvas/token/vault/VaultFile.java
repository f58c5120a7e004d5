package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/// The vault file (`tokens.json` in the config folder): created owner-only (0600) and written atomically
/// (a 0600 temp file beside it, fsync, rename), checked on every read — a file other users could read is
/// refused, never silently fixed or read. Updates are serialised within the process and across processes
/// (an OS lock on `tokens.json.lock`). Thread-safe.
final class VaultFile {
    static final String NAME = "tokens.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final boolean posix;

    VaultFile(Path file) {
        this.file = file.toAbsolutePath();
        this.lockFile = this.file.resolveSibling(NAME + ".lock");
        this.posix = isPosix(this.file);
    }

    Path path() {
        return file;
    }

    boolean posix() {
        return posix;
    }

    /// Every entry, per provider in rotation order; empty when the file doesn't exist yet.
    Map<ProviderId, List<StoredEntry>> read() {
        try {
            checkPermissions();
            return VaultCodec.decode(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (NoSuchFileException e) {
            return VaultCodec.empty();
        } catch (IOException e) {
            throw new VaultException("could not read the token vault " + file + ": " + e.getMessage(), e);
        }
    }

    /// Reads, applies `change` and writes the result, holding the vault's lock throughout.
    Map<ProviderId, List<StoredEntry>> update(UnaryOperator<Map<ProviderId, List<StoredEntry>>> change) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly()); FileLock ignored = channel.lock()) {
                Map<ProviderId, List<StoredEntry>> next = change.apply(copy(read()));
                write(VaultCodec.encode(next));
                return next;
            }
        } catch (IOException e) {
            throw new VaultException("could not update the token vault " + file + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    /// Refuses a file that other users may read or write.
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

    private void write(String json) throws IOException {
        // created owner-only from the start: the value is never readable by others, not even for a moment
        AtomicFiles.write(file, json.getBytes(StandardCharsets.UTF_8), AtomicFiles.Option.DURABLE,
                AtomicFiles.Option.OWNER_ONLY);
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static Map<ProviderId, List<StoredEntry>> copy(Map<ProviderId, List<StoredEntry>> doc) {
        Map<ProviderId, List<StoredEntry>> copy = new EnumMap<>(ProviderId.class);
        doc.forEach((p, list) -> copy.put(p, new ArrayList<>(list)));
        return copy;
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
