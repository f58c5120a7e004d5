package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.huggingface.SpaceSchema.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/// Binds our request to a Space endpoint's positional inputs **by the parameter names `/info` reports**,
/// so a Space that reorders its inputs keeps working. A per-Space override (`spaces.<model>.parameters`,
/// our field → their parameter name) wins over the built-in name variants. Inputs we don't know get the
/// Space's default. Pure and thread-safe.
public final class SpaceBinder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /// Our request fields, as named in the config override, with the parameter names Spaces commonly use.
    enum Field {
        PROMPT("prompt", "text", "prompt_text", "input_text", "positive_prompt"),
        NEGATIVE_PROMPT("negative_prompt", "negative", "neg_prompt", "negative_text"),
        WIDTH("width", "image_width"),
        HEIGHT("height", "image_height"),
        RESOLUTION("resolution", "image_resolution"),
        ASPECT_RATIO("aspect_ratio", "aspect", "ratio"),
        SEED("seed", "seed_value", "manual_seed"),
        RANDOMIZE("randomize", "randomize_seed", "random_seed", "randomise_seed", "use_random_seed"),
        STEPS("steps", "num_inference_steps", "num_steps", "inference_steps", "sampling_steps"),
        GUIDANCE("guidance", "guidance_scale", "cfg", "cfg_scale", "true_cfg_scale");

        final String key;
        final List<String> names;

        Field(String key, String... variants) {
            this.key = key;
            this.names = Stream.concat(Stream.of(key), Arrays.stream(variants))
                    .toList();
        }

        static Optional<Field> byKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equalsIgnoreCase(key.strip())).findFirst();
        }

        static Optional<Field> byParameterName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> f.names.contains(n)).findFirst();
        }
    }

    private SpaceBinder() {}

    /// The `data` array for `settings`, or a `ModelUnavailable` naming the input we can't fill and the
    /// override to use. `model` is the canonical model, for the message.
    public static Step<ArrayNode> bind(SpaceSchema schema, Map<String, String> overrides, GenerationSettings settings,
                                       String model) {
        Step<Map<String, Field>> fields = fieldsByParameter(schema, overrides, model);
        if (fields instanceof Step.Failed<Map<String, Field>> f) {
            return Step.failed(f.failure());
        }
        Map<String, Field> byName = ((Step.Ok<Map<String, Field>>) fields).value();
        if (!byName.containsValue(Field.PROMPT)) {
            return Step.failed(unbindable(schema, model, "none of its inputs takes the prompt", "prompt"));
        }
        ArrayNode data = NODES.arrayNode();
        for (Parameter p : schema.parameters()) {
            JsonNode value = value(byName.get(p.name()), p, settings);
            if (value == null && !p.hasDefault()) {
                Field f = byName.get(p.name());
                return Step.failed(unbindable(schema, model, "required input '" + p.name() + "' has no value we"
                        + " can give", f != null ? f.key : "<our field>"));
            }
            data.add(value != null ? value : p.defaultValue() != null ? p.defaultValue() : NODES.nullNode());
        }
        return Step.ok(data);
    }

    /// Parameter name → our field: overrides first, then name variants, each field used at most once.
    static Step<Map<String, Field>> fieldsByParameter(SpaceSchema schema, Map<String, String> overrides,
                                                     String model) {
        Map<String, Field> byName = new HashMap<>();
        List<String> names = schema.parameters().stream().map(Parameter::name).toList();
        for (Map.Entry<String, String> o : overrides == null ? Map.<String, String>of().entrySet()
                : overrides.entrySet()) {
            Optional<Field> field = Field.byKey(o.getKey());
            if (field.isEmpty()) {
                return Step.failed(new Outcome.ModelUnavailable(0, "spaces." + model + ".parameters has unknown"
                        + " field '" + o.getKey() + "'; use one of " + fieldKeys()));
            }
            if (!names.contains(o.getValue())) {
                return Step.failed(new Outcome.ModelUnavailable(0, "spaces." + model + ".parameters."
                        + o.getKey() + " names '" + o.getValue() + "', which " + schema.apiName()
                        + " does not have (it has " + names + ")"));
            }
            byName.put(o.getValue(), field.get());
        }
        for (Parameter p : schema.parameters()) {
            Field.byParameterName(p.name()).filter(f -> !byName.containsKey(p.name()) && !byName.containsValue(f))
                    .ifPresent(f -> byName.put(p.name(), f));
        }
        return Step.ok(byName);
    }

    /// Our value for `field` on parameter `p`; null when we have none (the Space's default applies).
    private static JsonNode value(Field field, Parameter p, GenerationSettings s) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case PROMPT -> NODES.stringNode(s.prompt());
            case NEGATIVE_PROMPT -> p.hasDefault() ? null : NODES.stringNode("");
            case WIDTH -> NODES.numberNode(s.size().width());
            case HEIGHT -> NODES.numberNode(s.size().height());
            case RESOLUTION -> NODES.stringNode(SizeChoices.resolution(p.choices(), s.size()));
            case ASPECT_RATIO -> NODES.stringNode(SizeChoices.aspectRatio(p.choices(), s.size(),
                    s.aspectRatio() == null ? s.size().wxh().replace('x', ':') : s.aspectRatio().label()));
            case SEED -> NODES.numberNode(s.seed());
            // we always send our own seed so the result is reproducible and recorded truthfully
            case RANDOMIZE -> NODES.booleanNode(false);
            case STEPS -> NODES.numberNode(s.steps());
            case GUIDANCE -> s.guidanceScale() == null ? null : NODES.numberNode(s.guidanceScale());
        };
    }

    private static Outcome.ModelUnavailable unbindable(SpaceSchema schema, String model, String why, String field) {
        List<String> names = schema.parameters().stream().map(Parameter::name).toList();
        return new Outcome.ModelUnavailable(0, "cannot call the Space's " + schema.apiName() + ": " + why
                + " (inputs " + names + "); map it in config with spaces." + model + ".parameters: {" + field
                + ": <their parameter name>}");
    }

    private static String fieldKeys() {
        return Arrays.stream(Field.values()).map(f -> f.key).collect(Collectors.joining(", "));
    }
}
