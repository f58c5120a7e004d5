package io.quotacanvas.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/// The tools' JSON Schemas, kept as JSON files beside this class (`<tool>.input.json`, `<tool>.output.json`)
/// so they read as what clients receive.
final class Schemas {
    private static final JsonMapper JSON = JsonMapper.shared();

    private Schemas() {
    }

    static Map<String, Object> input(String tool) {
        return load(tool + ".input.json");
    }

    static Map<String, Object> output(String tool) {
        return load(tool + ".output.json");
    }

    private static Map<String, Object> load(String name) {
        try (InputStream in = Schemas.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing from the build");
            }
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
