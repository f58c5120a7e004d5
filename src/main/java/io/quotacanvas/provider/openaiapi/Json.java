package io.quotacanvas.provider.openaiapi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The shared, immutable (hence thread-safe) Jackson mapper of the OpenAI-family code and tiny helpers.
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /// A string or number node as text; null for anything else (missing, null, objects, arrays).
    static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
            return null;
        }
        return node.asString();
    }
}
