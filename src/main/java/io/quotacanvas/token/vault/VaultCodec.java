package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// The vault file's JSON: `{"version":1,"providers":{"gitee":[{"id","label","enabled","added_at","store",
/// "secret"}]}}`, entries in rotation order. Unknown providers and fields are ignored on read. Pure.
final class VaultCodec {
    static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private VaultCodec() {
    }

    static Map<ProviderId, List<StoredEntry>> empty() {
        Map<ProviderId, List<StoredEntry>> doc = new EnumMap<>(ProviderId.class);
        for (ProviderId p : ProviderId.values()) {
            doc.put(p, List.of());
        }
        return doc;
    }

    static Map<ProviderId, List<StoredEntry>> decode(String text, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            // the parser's message may quote the file's content, which holds secrets: say only where
            throw new VaultException("the token vault " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + "); fix or move it away and add the tokens again");
        }
        if (root.path("version").asInt(0) > VERSION) {
            throw new VaultException("the token vault " + file + " was written by a newer Quota Canvas; "
                    + "update this one to use it");
        }
        Map<ProviderId, List<StoredEntry>> doc = empty();
        for (ProviderId p : ProviderId.values()) {
            List<StoredEntry> list = new ArrayList<>();
            for (JsonNode n : root.path("providers").path(p.wireName())) {
                list.add(entry(p, n, file));
            }
            doc.put(p, list);
        }
        return doc;
    }

    private static StoredEntry entry(ProviderId p, JsonNode n, Path file) {
        String id = text(n.path("id"));
        if (id == null) {
            throw new VaultException("the token vault " + file + " has a " + p.wireName()
                    + " entry without an id; fix or move the file away and add the tokens again");
        }
        Instant added = null;
        try {
            String at = text(n.path("added_at"));
            added = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException ignored) {
            // a damaged date is not worth losing the token over
        }
        String store = text(n.path("store"));
        return new StoredEntry(id, p, text(n.path("label")), n.path("enabled").asBoolean(true), added,
                store == null ? SecretStore.FILE.name() : store, text(n.path("secret")));
    }

    static String encode(Map<ProviderId, List<StoredEntry>> doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ObjectNode providers = root.putObject("providers");
        doc.forEach((p, list) -> {
            if (list.isEmpty()) {
                return;
            }
            ArrayNode arr = providers.putArray(p.wireName());
            for (StoredEntry e : list) {
                ObjectNode o = arr.addObject();
                o.put("id", e.id());
                o.put("label", e.label());
                o.put("enabled", e.enabled());
                o.put("added_at", e.addedAt() == null ? null : e.addedAt().toString());
                o.put("store", e.store());
                if (e.secret() != null) {
                    o.put("secret", e.secret());
                }
            }
        });
        return JSON.writeValueAsString(root) + "\n";
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() || node.asString().isBlank() ? null : node.asString();
    }
}
