package io.quotacanvas.contract;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/// The `--json` contract: one payload per image (success or failure), a batch wrapper, and error payloads.
/// Field names and order are stable; new fields may be added, none removed.
public final class JsonPayloads {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonPayloads() {
    }

    public static String write(Object payload) {
        return JSON.writeValueAsString(payload);
    }

    /// A single image's payload, or `{count, images, elapsed_ms}` for a batch.
    public static Map<String, Object> forBatch(BatchResult batch, boolean single) {
        if (single) {
            return image(batch.images().getFirst());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", batch.images().size());
        m.put("images", batch.images().stream().map(JsonPayloads::image).toList());
        m.put("elapsed_ms", batch.elapsedMs());
        m.put("succeeded", batch.generatedCount());
        return m;
    }

    public static Map<String, Object> image(ImageResult result) {
        return switch (result) {
            case ImageResult.Generated g -> generated(g);
            case ImageResult.Failed f -> failed(f);
        };
    }

    private static Map<String, Object> generated(ImageResult.Generated g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("url", g.url());
        m.put("provider", g.provider().wireName());
        m.put("model", g.model());
        m.put("prompt_original", g.promptOriginal());
        m.put("prompt_final", g.promptFinal());
        m.put("seed", g.settings().seed());
        m.put("steps", g.settings().steps());
        m.put("guidance_scale", g.settings().guidanceScale());
        m.put("aspect_ratio", g.settings().aspectRatio().label());
        m.put("fallback_chain", chain(g.attempts()));
        m.put("elapsed_ms", g.elapsedMs());
        m.put("saved_path", g.savedPath().toString());
        m.put("width", g.width());
        m.put("height", g.height());
        m.put("attempts", attempts(g.attempts()));
        m.put("output_paths", g.extraPaths().stream().map(Path::toString).toList());
        return m;
    }

    private static Map<String, Object> failed(ImageResult.Failed f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_type", f.errorType().wireName());
        m.put("error", f.error());
        m.put("fallback_chain", chain(f.attempts()));
        m.put("attempts", attempts(f.attempts()));
        m.put("prompt_original", f.promptOriginal());
        m.put("elapsed_ms", f.elapsedMs());
        return m;
    }

    /// `{error_type, error, fallback_chain: []}` plus optional details (e.g. config `problems`).
    public static Map<String, Object> error(ErrorType type, String message, Map<String, Object> details) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_type", type.wireName());
        m.put("error", message);
        m.put("fallback_chain", List.of());
        m.putAll(details);
        return m;
    }

    private static List<String> chain(List<AttemptRecord> attempts) {
        return attempts.stream().map(AttemptRecord::chainEntry).toList();
    }

    private static List<Map<String, Object>> attempts(List<AttemptRecord> attempts) {
        return attempts.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", a.step().wireName());
            m.put("provider", ProviderId.nameOf(a.provider()));
            m.put("model", a.model());
            m.put("token", a.tokenLabel());
            m.put("outcome", a.outcome().wireName());
            m.put("http_status", a.httpStatus() == 0 ? null : a.httpStatus());
            m.put("message", a.message());
            m.put("elapsed_ms", a.elapsedMs());
            m.put("cooling_until", a.coolingUntil() == null ? null : a.coolingUntil().toString());
            return m;
        }).toList();
    }
}
