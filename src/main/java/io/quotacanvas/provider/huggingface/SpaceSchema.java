package io.quotacanvas.provider.huggingface;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/// What a Space's `/config` and `{prefix}/info` say about one named endpoint: the API prefix
/// (`/gradio_api` on Gradio 5+, empty on 4.x) and the endpoint's inputs in positional order.
///
/// Immutable and thread-safe; parsed by pure functions.
public record SpaceSchema(String apiPrefix, String apiName, List<Parameter> parameters) {

    public SpaceSchema {
        parameters = List.copyOf(parameters);
    }

    /// One input as `/info` reports it. `defaultValue` is null when the Space gives none; `choices` are the
    /// values of a `Literal[...]` Python type (a dropdown), else empty.
    public record Parameter(String name, String label, boolean hasDefault, JsonNode defaultValue, String pythonType,
                            List<String> choices) {
        public Parameter {
            choices = List.copyOf(choices);
        }
    }

    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

    /// `api_prefix` from the `/config` JSON without a trailing slash; "" when absent (Gradio 4.x).
    public static String apiPrefix(JsonNode config) {
        String prefix = Json.text(config.get("api_prefix"));
        if (prefix == null || prefix.isBlank() || prefix.equals("/")) {
            return "";
        }
        String p = prefix.startsWith("/") ? prefix : "/" + prefix;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /// The named endpoints `/info` lists (`/generate`, `/infer`…).
    public static List<String> endpointNames(JsonNode info) {
        List<String> names = new ArrayList<>();
        info.path("named_endpoints").propertyNames().forEach(names::add);
        return names;
    }

    /// The schema of `apiName` (with leading slash) from the `/info` JSON, or null when it isn't listed.
    public static SpaceSchema fromInfo(String apiPrefix, String apiName, JsonNode info) {
        JsonNode endpoint = info.path("named_endpoints").get(apiName);
        if (endpoint == null || !endpoint.isObject()) {
            return null;
        }
        List<Parameter> parameters = new ArrayList<>();
        int index = 0;
        for (JsonNode p : endpoint.path("parameters")) {
            String name = Json.text(p.get("parameter_name"));
            String label = Json.text(p.get("label"));
            String type = Json.text(p.path("python_type").get("type"));
            JsonNode def = p.get("parameter_default");
            parameters.add(new Parameter(name != null ? name : label != null ? label : "input_" + index, label,
                    p.path("parameter_has_default").asBoolean(false), def == null || def.isNull() ? null : def,
                    type, literalChoices(type)));
            index++;
        }
        return new SpaceSchema(apiPrefix, apiName, parameters);
    }

    /// This schema with every input that has no default given the value its component shows on the Space's
    /// page (`/config`: the endpoint's dependency lists its input component ids; each component's
    /// `props.value`). `/info` reports defaults of the Python function only, so an app whose function has
    /// none (the official Z-Image Spaces) would otherwise leave inputs such as a time-shift slider unfilled.
    /// Unchanged when `/config` doesn't describe the endpoint input for input.
    public SpaceSchema withPageValues(JsonNode config) {
        List<JsonNode> inputs = pageInputs(config);
        if (inputs.size() != parameters.size()) {
            return this;
        }
        List<Parameter> filled = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            JsonNode props = inputs.get(i).path("props");
            boolean shown = !p.hasDefault() && props.has("value");
            JsonNode value = shown && !props.get("value").isNull() ? props.get("value") : null;
            filled.add(shown ? new Parameter(p.name(), p.label(), true, value, p.pythonType(), p.choices()) : p);
        }
        return new SpaceSchema(apiPrefix, apiName, filled);
    }

    /// The components `/config` names as this endpoint's inputs, in order; empty when it names none.
    private List<JsonNode> pageInputs(JsonNode config) {
        String bare = apiName.startsWith("/") ? apiName.substring(1) : apiName;
        Map<Integer, JsonNode> components = new HashMap<>();
        for (JsonNode c : config.path("components")) {
            components.put(c.path("id").asInt(-1), c);
        }
        for (JsonNode dependency : config.path("dependencies")) {
            String name = Json.text(dependency.get("api_name"));
            if (name != null && (name.equals(bare) || name.equals(apiName))) {
                List<JsonNode> inputs = new ArrayList<>();
                for (JsonNode id : dependency.path("inputs")) {
                    JsonNode component = components.get(id.asInt(-1));
                    if (component == null) {
                        return List.of();
                    }
                    inputs.add(component);
                }
                return inputs;
            }
        }
        return List.of();
    }

    /// The quoted values of `Literal['a', "b", …]`; empty for any other type.
    public static List<String> literalChoices(String pythonType) {
        if (pythonType == null || !pythonType.strip().startsWith("Literal[")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(pythonType);
        while (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(v.replace("\\'", "'").replace("\\\"", "\""));
        }
        return out;
    }
}
