package io.quotacanvas.gateway;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/// Reads OpenAI's image request (`prompt`, `model`, `n`, `size`, `response_format`, `quality`, `user`) and our
/// extensions (`seed`, `steps`, `guidance_scale`, `provider`, `optimize_prompt`, `auto_translate`) into a
/// [GenerationCall], or the 400/404 [ApiError] naming the field at fault. Fields it doesn't know (`style`,
/// `background`, `output_format`…) are ignored, as clients send them freely; answers are PNG. Thread-safe.
final class GenerationParser {
    static final int MAX_N = 10;
    static final int MAX_PROMPT = 32_000;

    private final ModelCatalog catalog;
    private final boolean optimizeDefault;
    private final boolean translateDefault;
    private final Duration imageTimeout;
    private final int maxQueue;

    GenerationParser(AppConfig config, ModelCatalog catalog) {
        this.catalog = catalog;
        this.optimizeDefault = config.prompt().optimize();
        this.translateDefault = config.prompt().autoTranslate();
        this.imageTimeout = config.gateway().imageTimeout();
        this.maxQueue = config.gateway().maxQueue();
    }

    /// Thrown inside parsing to stop at the first bad field; caught in [#parse].
    private static final class Invalid extends Exception {
        private final transient ApiError error;

        Invalid(ApiError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    /// The call, or the error to answer.
    Result parse(JsonNode body) {
        try {
            return new Result(call(body), null);
        } catch (Invalid e) {
            return new Result(null, e.error);
        }
    }

    /// Exactly one of `call` and `error` is set.
    record Result(GenerationCall call, ApiError error) {}

    private GenerationCall call(JsonNode body) throws Invalid {
        if (body == null || !body.isObject()) {
            throw new Invalid(ApiError.badRequest(null, "The request body must be a JSON object such as "
                    + "{\"prompt\": \"a red fox in snow\"}."));
        }
        if (body.path("stream").asBoolean(false)) {
            throw new Invalid(ApiError.badRequest("stream", "Streaming is not supported; leave 'stream' out."));
        }
        String prompt = prompt(body);
        String model = model(body);
        int n = n(body);
        AspectRatio ratio = size(body);
        boolean b64 = responseFormat(body);
        boolean hd = quality(body);
        ProviderId provider = provider(body);
        Long seed = integer(body, "seed", 0, Long.MAX_VALUE);
        Long steps = integer(body, "steps", 1, 200);
        Double guidance = number(body, "guidance_scale", 0, 50);
        boolean optimize = flag(body, "optimize_prompt", optimizeDefault);
        boolean translate = flag(body, "auto_translate", translateDefault);
        String user = text(body, "user", 256);
        ImageRequest request = new ImageRequest(prompt, provider, model, ratio, seed,
                steps == null ? null : steps.intValue(), guidance, hd, optimize, translate, n, imageTimeout);
        return new GenerationCall(request, b64, user);
    }

    private static String prompt(JsonNode body) throws Invalid {
        JsonNode p = body.get("prompt");
        if (p == null || p.isNull()) {
            throw new Invalid(ApiError.badRequest("prompt", "Missing required parameter: 'prompt'."));
        }
        if (!p.isString() || p.asString().isBlank()) {
            throw new Invalid(ApiError.badRequest("prompt", "'prompt' must be a non-empty string."));
        }
        if (p.asString().length() > MAX_PROMPT) {
            throw new Invalid(ApiError.badRequest("prompt", "'prompt' is longer than " + MAX_PROMPT
                    + " characters."));
        }
        return p.asString().strip();
    }

    private String model(JsonNode body) throws Invalid {
        String name = text(body, "model", 200);
        String model = catalog.resolve(name);
        if (model == null) {
            throw new Invalid(ApiError.modelNotFound(name, catalog.known()));
        }
        return model;
    }

    private int n(JsonNode body) throws Invalid {
        Long n = integer(body, "n", 1, MAX_N);
        if (n != null && n > maxQueue) {
            throw new Invalid(ApiError.badRequest("n", "'n' is " + n + ", but this gateway takes at most "
                    + maxQueue + " images at once (gateway.max_queue)."));
        }
        return n == null ? 1 : n.intValue();
    }

    private static AspectRatio size(JsonNode body) throws Invalid {
        String size = text(body, "size", 40);
        Optional<AspectRatio> ratio = SizeMapping.aspectRatio(size);
        if (ratio.isEmpty()) {
            throw new Invalid(ApiError.badRequest("size", "Invalid 'size' '" + size + "': use WIDTHxHEIGHT such as "
                    + "1024x1024 or 1792x1024, 'auto', or a ratio such as 16:9."));
        }
        return ratio.get();
    }

    private static boolean responseFormat(JsonNode body) throws Invalid {
        String format = text(body, "response_format", 40);
        if (format == null || format.equals("url")) {
            return false;
        }
        if (format.equals("b64_json")) {
            return true;
        }
        throw new Invalid(ApiError.badRequest("response_format", "Invalid 'response_format' '" + format
                + "': use 'url' or 'b64_json'."));
    }

    private static boolean quality(JsonNode body) throws Invalid {
        String quality = text(body, "quality", 40);
        if (quality == null) {
            return false;
        }
        return switch (quality.toLowerCase(Locale.ROOT)) {
            case "hd", "high" -> true;
            case "standard", "auto", "low", "medium" -> false;
            default -> throw new Invalid(ApiError.badRequest("quality", "Invalid 'quality' '" + quality
                    + "': use 'standard' or 'hd' (high and low/medium/auto are accepted too)."));
        };
    }

    private static ProviderId provider(JsonNode body) throws Invalid {
        String name = text(body, "provider", 40);
        if (name == null || name.equalsIgnoreCase("auto")) {
            return null;
        }
        return ProviderId.fromWireName(name).orElseThrow(() -> new Invalid(ApiError.badRequest("provider",
                "Invalid 'provider' '" + name + "': use auto, huggingface, gitee, modelscope, a4f or openai_compatible.")));
    }

    /// A string field, or null when absent or JSON null.
    private static String text(JsonNode body, String field, int max) throws Invalid {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString() || v.asString().length() > max) {
            throw new Invalid(ApiError.badRequest(field, "'" + field + "' must be a string of at most " + max
                    + " characters."));
        }
        return v.asString().strip();
    }

    private static Long integer(JsonNode body, String field, long min, long max) throws Invalid {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new Invalid(ApiError.badRequest(field, "'" + field + "' must be a whole number from " + min
                    + (max == Long.MAX_VALUE ? " up" : " to " + max) + "."));
        }
        return v.asLong();
    }

    private static Double number(JsonNode body, String field, double min, double max) throws Invalid {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
            throw new Invalid(ApiError.badRequest(field, "'" + field + "' must be a number from " + (int) min
                    + " to " + (int) max + "."));
        }
        return v.asDouble();
    }

    private static boolean flag(JsonNode body, String field, boolean fallback) throws Invalid {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new Invalid(ApiError.badRequest(field, "'" + field + "' must be true or false."));
        }
        return v.asBoolean();
    }
}
