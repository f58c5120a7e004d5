package io.quotacanvas.token.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// `gateway-keys.json` in the config folder: `{"version":1,"keys":[{"id","label","hint","added_at","salt",
/// "hash"}]}`. Owner-only like the token vault (created 0600, refused when others may read it), written
/// atomically, updates serialised within the process and across processes by an OS lock. Thread-safe.
final class ApiKeyFile {
    static final String NAME = "gateway-keys.json";
    private static final int VERSION = 1;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path file;
    private final Path lockFile;
    private final ReentrantLock local = new ReentrantLock();

    /// One stored key: what people see, and the salted hash it is checked against.
    record Stored(ApiKeyEntry entry, byte[] salt, byte[] hash) {}

    /// A reading of the file and the file's identity at that moment (null when it doesn't exist).
    record Snapshot(List<Stored> keys, Object identity) {}

    ApiKeyFile(Path file) {
        this.file = file.toAbsolutePath();
        this.lockFile = this.file.resolveSibling(NAME + ".lock");
    }

    Path path() {
        return file;
    }

    /// What identifies the file's current content cheaply (inode and modification time), or null.
    Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    Snapshot read() {
        Object identity = identity();
        try {
            checkPermissions();
            return new Snapshot(decode(Files.readString(file, StandardCharsets.UTF_8)), identity);
        } catch (NoSuchFileException e) {
            return new Snapshot(List.of(), null);
        } catch (IOException e) {
            throw new VaultException("could not read the gateway keys " + file + ": " + e.getMessage(), e);
        }
    }

    /// Reads, applies `change` and writes the result, holding the lock throughout.
    List<Stored> update(UnaryOperator<List<Stored>> change) {
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), ownerOnly()); FileLock ignored = channel.lock()) {
                List<Stored> next = change.apply(new ArrayList<>(read().keys()));
                write(encode(next));
                return next;
            }
        } catch (IOException e) {
            throw new VaultException("could not update the gateway keys " + file + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    private void checkPermissions() throws IOException {
        if (!posix()) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new VaultException(file + " can be read or changed by other users; run chmod 600 " + file
                    + " and try again");
        }
    }

    private void write(String json) throws IOException {
        Path temp = file.resolveSibling("." + NAME + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            Files.createFile(temp, ownerOnly());
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private boolean posix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private List<Stored> decode(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new VaultException("the gateway keys file " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "); move it away and add the keys again");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new VaultException("the gateway keys file " + file + " was written by a newer Quota Canvas");
        }
        List<Stored> keys = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (JsonNode n : root.path("keys")) {
            String id = n.path("id").asString("");
            String salt = n.path("salt").asString("");
            String hash = n.path("hash").asString("");
            if (id.isBlank() || salt.isBlank() || hash.isBlank()) {
                throw new VaultException("the gateway keys file " + file + " has an entry without an id, salt or "
                        + "hash; move it away and add the keys again");
            }
            String label = n.path("label").isString() ? n.path("label").asString() : null;
            try {
                keys.add(new Stored(new ApiKeyEntry(id, label, n.path("hint").asString(""),
                        instant(n.path("added_at").asString(null))), hex.parseHex(salt), hex.parseHex(hash)));
            } catch (IllegalArgumentException e) {
                throw new VaultException("the gateway keys file " + file + " has a damaged entry (" + id
                        + "); remove it with quota-canvas gateway keys remove " + id);
            }
        }
        return List.copyOf(keys);
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // a damaged date is not worth losing the key over
        }
    }

    private static String encode(List<Stored> keys) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("keys");
        HexFormat hex = HexFormat.of();
        for (Stored k : keys) {
            ObjectNode o = list.addObject();
            o.put("id", k.entry().id());
            o.put("label", k.entry().label());
            o.put("hint", k.entry().hint());
            o.put("added_at", k.entry().addedAt() == null ? null : k.entry().addedAt().toString());
            o.put("salt", hex.formatHex(k.salt()));
            o.put("hash", hex.formatHex(k.hash()));
        }
        return JSON.writeValueAsString(root) + "\n";
    }
}
