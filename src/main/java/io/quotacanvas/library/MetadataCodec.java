package io.quotacanvas.library;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// Converts [ImageMetadata] to and from the two texts stored in a PNG: our JSON (`quota-canvas` chunk) and the
/// A1111-style `parameters` text other tools understand.
///
/// The JSON is built field by field, so it holds exactly the documented fields and nothing a refactor of the
/// records could add by accident. Stateless and thread-safe.
final class MetadataCodec {
    /// Bumped when the JSON layout changes incompatibly; readers accept any version and default missing fields.
    static final int VERSION = 1;
    /// Seed value meaning "not known" (images made by other tools without a seed).
    static final long UNKNOWN_SEED = -1;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /// The parameter regex A1111 itself uses: `Key: value` pairs, values optionally JSON-quoted.
    private static final Pattern PARAM = Pattern.compile("\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*x\\s*(\\d+)");

    private MetadataCodec() {
    }

    static String toJson(ImageMetadata m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", VERSION);
        n.put("promptOriginal", m.promptOriginal());
        n.put("promptFinal", m.promptFinal());
        n.put("provider", m.provider() == null ? null : m.provider().wireName());
        n.put("model", m.model());
        n.put("providerModel", m.providerModel());
        n.put("seed", m.seed());
        n.put("steps", m.steps());
        n.put("guidanceScale", m.guidanceScale());
        n.put("aspectRatio", m.aspectRatio());
        n.put("width", m.width());
        n.put("height", m.height());
        n.put("createdAt", instant(m.createdAt()));
        n.put("remoteUrl", m.remoteUrl());
        if (m.runId() != null) {
            // optional: images outside any run keep exactly the layout older versions wrote
            n.put("runId", m.runId());
        }
        ArrayNode attempts = n.putArray("attempts");
        for (AttemptRecord a : m.attempts() == null ? List.<AttemptRecord>of() : m.attempts()) {
            ObjectNode o = attempts.addObject();
            o.put("step", a.step().wireName());
            o.put("provider", a.provider() == null ? null : a.provider().wireName());
            o.put("model", a.model());
            o.put("tokenLabel", a.tokenLabel());
            o.put("outcome", a.outcome().wireName());
            o.put("httpStatus", a.httpStatus());
            o.put("message", a.message());
            o.put("elapsedMs", a.elapsedMs());
            o.put("coolingUntil", instant(a.coolingUntil()));
        }
        return JSON.writeValueAsString(n);
    }

    /// Parses our JSON; missing fields get neutral defaults, unknown providers become null.
    static Optional<ImageMetadata> fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (!n.isObject()) {
                return Optional.empty();
            }
            List<AttemptRecord> attempts = new ArrayList<>();
            for (JsonNode a : n.path("attempts")) {
                // a row another version wrote with a step or outcome this one doesn't know is left out
                var step = AttemptStep.fromWireName(text(a, "step"));
                var outcome = AttemptOutcome.fromWireName(text(a, "outcome"));
                if (step.isPresent() && outcome.isPresent()) {
                    attempts.add(new AttemptRecord(step.get(), provider(a), text(a, "model"), text(a, "tokenLabel"),
                            outcome.get(), a.path("httpStatus").asInt(0), text(a, "message"),
                            a.path("elapsedMs").asLong(0), instant(text(a, "coolingUntil"))));
                }
            }
            JsonNode guidance = n.path("guidanceScale");
            return Optional.of(new ImageMetadata(text(n, "promptOriginal"), text(n, "promptFinal"), provider(n),
                    text(n, "model"), text(n, "providerModel"), n.path("seed").asLong(UNKNOWN_SEED),
                    n.path("steps").asInt(0), guidance.isNumber() ? guidance.asDouble() : null,
                    text(n, "aspectRatio"), n.path("width").asInt(0), n.path("height").asInt(0),
                    instant(text(n, "createdAt")), text(n, "remoteUrl"), List.copyOf(attempts), text(n, "runId")));
        } catch (JacksonException | java.time.format.DateTimeParseException damaged) {
            return Optional.empty();
        }
    }

    /// The A1111 `parameters` text: the final prompt, then one line of `Key: value` pairs.
    static String toParameters(ImageMetadata m) {
        Map<String, String> p = new LinkedHashMap<>();
        if (m.steps() > 0) {
            p.put("Steps", Integer.toString(m.steps()));
        }
        if (m.guidanceScale() != null) {
            p.put("CFG scale", trimNumber(m.guidanceScale()));
        }
        p.put("Seed", Long.toString(m.seed()));
        p.put("Size", m.width() + "x" + m.height());
        p.put("Model", m.model());
        p.put("Provider", m.provider() == null ? null : m.provider().wireName());
        p.put("Original prompt", m.promptOriginal());
        StringBuilder sb = new StringBuilder(m.promptFinal() == null ? "" : m.promptFinal()).append('\n');
        String sep = "";
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getValue() != null && !e.getValue().isBlank()) {
                sb.append(sep).append(e.getKey()).append(": ").append(quoteIfNeeded(e.getValue()));
                sep = ", ";
            }
        }
        return sb.toString();
    }

    /// Reads what it can from an A1111 `parameters` text (ours or another tool's); fields it cannot find stay
    /// empty: seed [#UNKNOWN_SEED], steps 0, sizes 0, no attempts. `createdAt` is supplied by the caller.
    static ImageMetadata fromParameters(String text, Instant createdAt) {
        String[] lines = text.strip().split("\\R");
        int paramLine = -1;
        for (int i = lines.length - 1; i >= 0 && paramLine < 0; i--) {
            if (lines[i].startsWith("Steps:") || lines[i].matches("^\\s*(Seed|Size|Model|CFG scale):.*")) {
                paramLine = i;
            }
        }
        StringBuilder prompt = new StringBuilder();
        int promptEnd = paramLine < 0 ? lines.length : paramLine;
        for (int i = 0; i < promptEnd && !lines[i].startsWith("Negative prompt:"); i++) {
            prompt.append(i == 0 ? "" : "\n").append(lines[i]);
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (paramLine >= 0) {
            Matcher m = PARAM.matcher(lines[paramLine]);
            while (m.find()) {
                params.putIfAbsent(m.group(1).strip().toLowerCase(Locale.ROOT), unquote(m.group(2).strip()));
            }
        }
        int width = 0;
        int height = 0;
        Matcher size = SIZE.matcher(params.getOrDefault("size", ""));
        if (size.matches()) {
            width = parseInt(size.group(1));
            height = parseInt(size.group(2));
        }
        String finalPrompt = prompt.toString();
        String original = params.getOrDefault("original prompt", finalPrompt);
        Double cfg = parseDouble(params.get("cfg scale"));
        long seed = parseLong(params.get("seed"));
        return new ImageMetadata(original, finalPrompt, ProviderId.fromWireName(params.get("provider")).orElse(null),
                params.get("model"), null, seed, parseInt(params.get("steps")), cfg, null, width, height, createdAt,
                null, List.of());
    }

    private static String quoteIfNeeded(String value) {
        boolean plain = value.indexOf(',') < 0 && value.indexOf(':') < 0 && value.indexOf('"') < 0
                && value.indexOf('\n') < 0 && value.indexOf('\r') < 0;
        return plain ? value : JSON.writeValueAsString(value);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return JSON.readValue(value, String.class);
            } catch (JacksonException notJson) {
                return value.substring(1, value.length() - 1);
            }
        }
        return value;
    }

    private static String trimNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static ProviderId provider(JsonNode n) {
        return ProviderId.fromWireName(text(n, "provider")).orElse(null);
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static int parseInt(String s) {
        long v = parseLong(s);
        return v < 0 || v > Integer.MAX_VALUE ? 0 : (int) v;
    }

    private static long parseLong(String s) {
        try {
            return s == null ? UNKNOWN_SEED : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return UNKNOWN_SEED;
        }
    }

    private static Double parseDouble(String s) {
        try {
            return s == null ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
