package io.quotacanvas.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/// Reads YAML text into a [YamlDocument] with a streaming parser, so every key and list item keeps its line.
///
/// Structural mistakes that still leave a usable tree (a duplicate key, an alias) are collected as problems;
/// a syntax error stops reading and becomes the only problem. Messages never quote the text of a value,
/// because the value may be a token. Not thread-safe: use one instance per read.
final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();

    YamlTreeReader(Path file) {
        this.file = file;
    }

    /// Problems found by the last [#read(String)].
    List<ConfigProblem> problems() {
        return problems;
    }

    /// Parses `text`; an empty (or comments-only) text is an empty mapping. Null when the text is unusable.
    YamlDocument read(String text) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return YamlDocument.empty();
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(new ConfigProblem(file, line(parser), "",
                        "the file must be a mapping of sections (routing:, prompt:, providers:), not a single value or list"));
                return null;
            }
            lines.put("", line(parser));
            return new YamlDocument(readObject(parser, ""), Map.copyOf(lines));
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e));
            return null;
        }
    }

    private ObjectNode readObject(JsonParser parser, String path) {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = parser.currentName();
            String childPath = YamlDocument.child(path, key);
            int keyLine = line(parser);
            Integer earlier = lines.put(childPath, keyLine);
            if (earlier != null) {
                problems.add(new ConfigProblem(file, keyLine, childPath,
                        "this key also appears on line " + earlier + "; keep only one of them"));
            }
            node.set(key, readValue(parser, parser.nextToken(), childPath));
        }
        return node;
    }

    private ArrayNode readArray(JsonParser parser, String path) {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            String itemPath = YamlDocument.item(path, node.size());
            lines.put(itemPath, line(parser));
            node.add(readValue(parser, token, itemPath));
        }
        return node;
    }

    private JsonNode readValue(JsonParser parser, JsonToken token, String path) {
        return switch (token) {
            case START_OBJECT -> readObject(parser, path);
            case START_ARRAY -> readArray(parser, path);
            case VALUE_STRING -> stringValue(parser, path);
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> {
                problems.add(new ConfigProblem(file, line(parser), path, "unsupported YAML value; write plain text"));
                yield NODES.nullNode();
            }
        };
    }

    private JsonNode stringValue(JsonParser parser, String path) {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(new ConfigProblem(file, line(parser), path,
                    "YAML aliases (*name) are not supported here; write the value out"));
            return NODES.nullNode();
        }
        return NODES.stringNode(parser.getString());
    }

    private ConfigProblem syntaxProblem(JacksonException e) {
        // The parser's own message quotes the offending source line, which may hold a token: use only the
        // problem description and the line.
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        String what = "broken YAML";
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            what = "broken YAML: " + marked.getProblem();
            line = marked.getProblemMark().map(m -> m.getLine() + 1).orElse(line);
            int problemLine = line;
            what += marked.getContextMark().filter(m -> marked.getContext() != null && m.getLine() + 1 != problemLine)
                    .map(m -> " (" + marked.getContext() + " started on line " + (m.getLine() + 1) + ")").orElse("");
        }
        return new ConfigProblem(file, line, "", what + "; check indentation, colons and quotes on this line");
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }
}
