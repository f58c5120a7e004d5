package io.quotacanvas.provider.huggingface;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The package's shared, immutable (hence thread-safe) Jackson mapper and tolerant readers.
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /// `text` parsed as JSON, or null when it is not JSON at all.
    static JsonNode parseOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /// A string, number or boolean node as text; null for anything else.
    static String text(JsonNode node) {
        if (node == null || !(node.isString() || node.isNumber() || node.isBoolean())) {
            return null;
        }
        return node.asString();
    }
}
