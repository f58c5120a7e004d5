package io.quotacanvas.token.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// `gateway-keys.json` in the config folder: `{"version":1,"keys":[{"id","label","hint","added_at","salt",
/// "hash"}]}`. An [OwnerOnlyFile] like the token vault (created 0600, refused when others may read it,
/// written atomically and durably), updates serialised within the process and across processes by an OS
/// lock. Thread-safe.
final class ApiKeyFile {
    static final String NAME = "gateway-keys.json";
    private static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final OwnerOnlyFile file;

    /// One stored key: what people see, and the salted hash it is checked against.
    record Stored(ApiKeyEntry entry, byte[] salt, byte[] hash) {}

    /// A reading of the file and the file's identity at that moment (null when it doesn't exist).
    record Snapshot(List<Stored> keys, Object identity) {}

    ApiKeyFile(Path file) {
        this.file = new OwnerOnlyFile(file);
    }

    Path path() {
        return file.path();
    }

    /// What identifies the file's current content cheaply (inode and modification time), or null.
    Object identity() {
        try {
            BasicFileAttributes a = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    Snapshot read() {
        Object identity = identity();
        try {
            return new Snapshot(decode(file.read()), identity);
        } catch (NoSuchFileException e) {
            return new Snapshot(List.of(), null);
        } catch (IOException e) {
            throw new VaultException("could not read the gateway keys " + file.path() + ": " + e.getMessage(), e);
        }
    }

    /// Reads, applies `change` and writes the result, holding the lock throughout.
    List<Stored> update(UnaryOperator<List<Stored>> change) {
        try {
            return file.update(() -> {
                List<Stored> next = change.apply(new ArrayList<>(read().keys()));
                file.write(encode(next));
                return next;
            });
        } catch (IOException e) {
            throw new VaultException("could not update the gateway keys " + file.path() + ": " + e.getMessage(), e);
        }
    }

    private List<Stored> decode(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new VaultException("the gateway keys file " + file.path() + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "); move it away and add the keys again");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new VaultException("the gateway keys file " + file.path() + " was written by a newer Quota Canvas");
        }
        List<Stored> keys = new ArrayList<>();
        HexFormat hex = HexFormat.of();
        for (JsonNode n : root.path("keys")) {
            String id = n.path("id").asString("");
            String salt = n.path("salt").asString("");
            String hash = n.path("hash").asString("");
            if (id.isBlank() || salt.isBlank() || hash.isBlank()) {
                throw new VaultException("the gateway keys file " + file.path() + " has an entry without an id, salt or "
                        + "hash; move it away and add the keys again");
            }
            String label = n.path("label").isString() ? n.path("label").asString() : null;
            try {
                keys.add(new Stored(new ApiKeyEntry(id, label, n.path("hint").asString(""),
                        instant(n.path("added_at").asString(null))), hex.parseHex(salt), hex.parseHex(hash)));
            } catch (IllegalArgumentException e) {
                throw new VaultException("the gateway keys file " + file.path() + " has a damaged entry (" + id
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
