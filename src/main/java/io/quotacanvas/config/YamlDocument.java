package io.quotacanvas.config;

import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/// A parsed YAML mapping and the 1-based line of every path in it.
///
/// Paths are written the way problems show them: `routing.provider_order[1]`, `providers.gitee.tokens[0]`;
/// the root is `""`. A mapping entry's line is its key's line, a list item's line is where the item starts.
record YamlDocument(ObjectNode root, Map<String, Integer> lines) {

    static YamlDocument empty() {
        return new YamlDocument(JsonNodeFactory.instance.objectNode(), Map.of());
    }

    /// The line of `path`, or 0 when the path is not in this document.
    int lineOf(String path) {
        return lines.getOrDefault(path, 0);
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
