package io.quotacanvas.provider.huggingface;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/// Finds the image in a `complete` event's outputs: the first Gradio FileData (`{"path","url",…,
/// "meta":{"_type":"gradio.FileData"}}`), also inside gallery lists of `{"image": FileData, "caption"}`.
/// Pure and thread-safe.
public final class GradioOutputs {
    private static final int MAX_DEPTH = 6;
    /// The file name of a Space's stand-in picture for a refused prompt (the official Z-Image-Turbo Space
    /// answers an NSFW prompt with a normal `complete` holding `nsfw.png`).
    private static final Pattern PLACEHOLDER = Pattern.compile("(?i)nsfw[\\w-]*\\.(png|jpe?g|webp)");

    private GradioOutputs() {}

    /// The download URL of the first image FileData in `outputs`, or null when there is none. A FileData
    /// with only a `path` is served by the Space itself at `{space}{prefix}/file={path}`.
    public static HttpUrl imageUrl(JsonNode outputs, HttpUrl space, String apiPrefix) {
        JsonNode file = firstFileData(outputs, 0);
        if (file == null) {
            return null;
        }
        String url = Json.text(file.get("url"));
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed != null) {
            return parsed;
        }
        String path = Json.text(file.get("path"));
        return path == null ? null : HttpUrl.parse(stripSlash(space.toString()) + apiPrefix + "/file=" + path);
    }

    /// True when the first image of `outputs` is a safety placeholder (`nsfw.png`) rather than a picture.
    public static boolean isSafetyPlaceholder(JsonNode outputs) {
        JsonNode file = firstFileData(outputs, 0);
        if (file == null) {
            return false;
        }
        return Stream.of("orig_name", "path", "url").map(k -> Json.text(file.get(k))).filter(Objects::nonNull)
                .anyMatch(v -> PLACEHOLDER.matcher(baseName(v)).matches());
    }

    private static String baseName(String pathOrUrl) {
        String s = pathOrUrl.strip();
        int query = s.indexOf('?');
        s = query >= 0 ? s.substring(0, query) : s;
        return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
    }

    static JsonNode firstFileData(JsonNode node, int depth) {
        if (node == null || depth > MAX_DEPTH) {
            return null;
        }
        if (node.isObject() && isFileData(node)) {
            return node;
        }
        if (node.isObject() && node.has("image")) {
            return firstFileData(node.get("image"), depth + 1);
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                JsonNode found = firstFileData(child, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isFileData(JsonNode node) {
        if ("gradio.FileData".equals(Json.text(node.path("meta").get("_type")))) {
            return true;
        }
        // Gradio 4.x FileData carries no meta but always a path and a url
        return node.has("path") && node.has("url") && Json.text(node.get("path")) != null;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
