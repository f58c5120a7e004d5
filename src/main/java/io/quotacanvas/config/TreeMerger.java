package io.quotacanvas.config;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/// Layers one YAML tree over another: mappings merge key by key (recursively, the base's key order first,
/// new keys after); anything else — scalars, lists, null — replaces the base value whole.
final class TreeMerger {
    private TreeMerger() {
    }

    /// A new tree; neither argument is modified.
    static ObjectNode merge(ObjectNode base, ObjectNode over) {
        ObjectNode result = base.deepCopy();
        for (Map.Entry<String, JsonNode> entry : over.properties()) {
            JsonNode below = result.get(entry.getKey());
            JsonNode above = entry.getValue();
            result.set(entry.getKey(), below instanceof ObjectNode b && above instanceof ObjectNode a
                    ? merge(b, a) : above.deepCopy());
        }
        return result;
    }
}
