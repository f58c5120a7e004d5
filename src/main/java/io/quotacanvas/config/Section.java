package io.quotacanvas.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/// One mapping of the merged config, read with its types checked and `${ENV}` expanded.
///
/// Every mistake goes to the shared [Problems] and the read returns a stand-in (null, `false`, the lower
/// bound…) so binding goes on and all problems are found in one pass. Messages describe what was found
/// ("got text") but never quote a value. Not thread-safe.
final class Section {
    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final EnvExpander env;

    Section(ObjectNode node, String path, Problems problems, EnvExpander env) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.env = env;
    }

    String path(String key) {
        return YamlDocument.child(path, key);
    }

    boolean has(String key) {
        return node.has(key);
    }

    Collection<String> keys() {
        return node.propertyNames();
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    Problems problems() {
        return problems;
    }

    EnvExpander env() {
        return env;
    }

    /// Reports every key not in `known`, suggesting the closest known key.
    void allowOnly(Collection<String> known) {
        for (String key : node.propertyNames()) {
            if (known.contains(key)) {
                continue;
            }
            String hint = KeySuggester.closest(key, known).map(k -> "; did you mean '" + k + "'?")
                    .orElse("; known keys here: " + String.join(", ", known));
            if (Redaction.looksLikeSecret(key)) {
                problems.add(path(key), path("<hidden>"), "unknown key (not shown: it looks like a token)" + hint);
            } else {
                problems.add(path(key), "unknown key '" + key + "'" + hint);
            }
        }
    }

    /// The mapping under `key`, or empty (with a problem) when it is missing or not a mapping.
    Optional<Section> section(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.addMissing(path, key, "missing; add a '" + key + ":' mapping");
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode child)) {
            problems.add(path(key), "must be a mapping of keys; got " + kind(value));
            return Optional.empty();
        }
        return Optional.of(new Section(child, path(key), problems, env));
    }

    /// A string; null (with a problem) when missing, not text, blank, or naming an unset variable.
    String text(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.addMissing(path, key, "missing; add '" + key + ": <text>'");
            return null;
        }
        return textOf(value, path(key));
    }

    /// Like [#text(String)], but an absent key or YAML `null` gives null without a problem.
    String optionalText(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : textOf(value, path(key));
    }

    /// Like [#optionalText(String)], but text that expands to nothing (say `${VAR:-}`) also means "not set".
    String optionalTextOrBlank(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            problems.add(path(key), "must be text; got " + kind(value));
            return null;
        }
        String expanded = expand(value.stringValue(), path(key));
        return expanded == null || expanded.isBlank() ? null : expanded;
    }

    /// A non-blank string at `at`, expanded; null with a problem otherwise.
    String textOf(JsonNode value, String at) {
        if (!value.isString()) {
            problems.add(at, "must be text; got " + kind(value));
            return null;
        }
        String expanded = expand(value.stringValue(), at);
        if (expanded != null && expanded.isBlank()) {
            problems.add(at, "must not be empty");
            return null;
        }
        return expanded;
    }

    boolean bool(String key) {
        String text = scalar(key, JsonNode::isBoolean, "true or false");
        if (text == null) {
            return false;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(path(key), "must be true or false");
        return false;
    }

    /// A whole number ≥ `min`; `min` with a problem otherwise.
    int intAtLeast(String key, int min) {
        String text = scalar(key, JsonNode::isIntegralNumber, "a whole number ≥ " + min);
        Integer value = text == null ? null : parseInt(text);
        if (text != null && (value == null || value < min)) {
            problems.add(path(key), "must be a whole number ≥ " + min + (value == null ? "" : "; got " + value));
        }
        return value == null || value < min ? min : value;
    }

    /// A number within `min..max`; `min` with a problem otherwise.
    double numberBetween(String key, double min, double max) {
        String text = scalar(key, JsonNode::isNumber, "a number from " + min + " to " + max);
        Double value = text == null ? null : parseDouble(text);
        boolean ok = value != null && value >= min && value <= max;
        if (text != null && !ok) {
            problems.add(path(key), "must be a number from " + fmt(min) + " to " + fmt(max)
                    + (value == null ? "" : "; got " + fmt(value)));
        }
        return ok ? value : min;
    }

    /// A positive duration (`30s`, `5m`, `2h`, `500ms`, `1d`, or whole seconds); null with a problem otherwise.
    Duration positiveDuration(String key) {
        String text = scalar(key, n -> n.isIntegralNumber() || n.isString(), "a duration like 30s, 5m or 500ms");
        if (text == null) {
            return null;
        }
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isEmpty() || parsed.get().isZero()) {
            problems.add(path(key), parsed.isEmpty()
                    ? "must be a duration like 500ms, 30s, 5m, 2h or 1d (a bare number means seconds)"
                    : "must be longer than zero");
            return null;
        }
        return parsed.get();
    }

    /// A duration, or `off` / `0` for none ([Duration#ZERO]); null with a problem otherwise.
    Duration durationOrOff(String key) {
        String text = scalar(key, n -> n.isIntegralNumber() || n.isString() || n.isBoolean(),
                "a duration like 30s, or off");
        if (text == null) {
            return null;
        }
        if (text.equals("off") || text.equals("false")) {
            return Duration.ZERO;
        }
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            problems.add(path(key), "must be a duration like 500ms, 30s or 5m, or off");
            return null;
        }
        return parsed.get();
    }

    /// A size in bytes within `min..max` (`65536`, `64KiB`, `1MiB`); `min` with a problem otherwise.
    long byteSize(String key, long min, long max) {
        String text = scalar(key, n -> n.isIntegralNumber() || n.isString(), "a size like 64KiB or 1MiB");
        if (text == null) {
            return min;
        }
        var parsed = ByteSizes.parse(text);
        if (parsed.isEmpty() || parsed.getAsLong() < min || parsed.getAsLong() > max) {
            problems.add(path(key), "must be a size from " + min + " bytes to " + (max >> 20)
                    + "MiB, written like 65536, 64KiB or 1MiB");
            return min;
        }
        return parsed.getAsLong();
    }

    /// An absolute http(s) URL; null with a problem otherwise.
    URI httpUrl(String key) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        URI uri = Urls.absoluteHttp(text);
        if (uri == null) {
            problems.add(path(key), "must be an absolute http(s) URL such as https://example.com/v1; got '"
                    + text + "'");
        }
        return uri;
    }

    /// A list of non-blank strings, in order; empty with a problem when not a list.
    List<String> textList(String key) {
        JsonNode value = node.get(key);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            problems.add(path(key), "must be a list like [a, b]; got " + kind(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            String item = textOf(value.get(i), YamlDocument.item(path(key), i));
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /// A mapping of non-blank keys to scalar values (numbers and booleans as text), in file order.
    Map<String, String> scalarMap(String key, boolean blankValuesAllowed) {
        JsonNode value = node.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            problems.add(path(key), "must be a mapping of name: value; got " + kind(value));
            return out;
        }
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String at = YamlDocument.child(path(key), e.getKey());
            String v = scalarText(e.getValue(), at, blankValuesAllowed);
            if (e.getKey().isBlank()) {
                problems.add(at, "the name must not be empty");
            } else if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private String scalarText(JsonNode v, String at, boolean blankAllowed) {
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        if (!v.isString()) {
            problems.add(at, "must be text, a number or true/false; got " + kind(v));
            return null;
        }
        return blankAllowed ? expand(v.stringValue(), at) : textOf(v, at);
    }

    /// The scalar under `key` as text when it has the native type, or is text built from `${ENV}`.
    private String scalar(String key, Predicate<JsonNode> nativeType, String expected) {
        JsonNode value = node.get(key);
        if (value == null) {
            problems.addMissing(path, key, "missing; add '" + key + ": <" + expected + ">'");
            return null;
        }
        if (nativeType.test(value) && !value.isString()) {
            return value.asString();
        }
        boolean fromEnv = value.isString() && value.stringValue().contains("${");
        if (nativeType.test(value) || fromEnv) {
            return expand(value.stringValue(), path(key));
        }
        problems.add(path(key), "must be " + expected + "; got " + kind(value));
        return null;
    }

    /// Expands `${ENV}`; null (with a problem naming the variables) when a variable is unset.
    private String expand(String raw, String at) {
        EnvExpander.Expansion e = env.expand(raw);
        if (e.malformed()) {
            problems.add(at, "has a '${' without a closing '}'; write ${NAME} or ${NAME:-fallback}");
            return null;
        }
        if (!e.unset().isEmpty()) {
            problems.add(at, "environment variable " + String.join(", ", e.unset())
                    + " is not set; set it or write ${NAME:-fallback}");
            return null;
        }
        return e.value();
    }

    static String kind(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isString()) {
            return "text";
        }
        if (value.isNumber()) {
            return "a number";
        }
        return value.isBoolean() ? "true/false" : "nothing (null)";
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
