package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.provider.TextSnippets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/// An error body reduced to what classification needs, whatever shape it came in:
/// OpenAI `{"error":{"message","type","code","param"}}`, Gitee `{"message":…}`, `{"error":{"message":…}}`,
/// `{"error":"<code>","message":"…"}`, Hugging Face `{"error":"<message>"}`, ModelScope
/// `{"errors":{"message":…}}`, FastAPI `{"detail":…}`, or plain text / HTML.
///
/// Every field may be null. `message` is the provider's own text, whitespace-collapsed and cut to
/// [TextSnippets#MESSAGE_CHARS].
public record ErrorBody(String message, String type, String code, String param) {
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title>");

    /// Parses any body; never throws.
    public static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null, null, null);
        }
        String trimmed = body.strip();
        if (trimmed.startsWith("<")) {
            return new ErrorBody(htmlSummary(trimmed), null, null, null);
        }
        if (trimmed.startsWith("{")) {
            try {
                return fromJson(Json.MAPPER.readTree(trimmed));
            } catch (JacksonException e) {
                // not JSON after all: fall through and quote it as text
            }
        }
        return new ErrorBody(shorten(trimmed), null, null, null);
    }

    private static ErrorBody fromJson(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject()) {
            return new ErrorBody(shorten(firstText(error.path("message"), root.path("message"))),
                    Json.text(error.path("type")), Json.text(error.path("code")), Json.text(error.path("param")));
        }
        String errorText = Json.text(error);
        String message = firstText(root.path("message"), root.path("errors").path("message"), root.path("detail"),
                root.path("msg"));
        if (message == null) {
            // Hugging Face puts the whole human message in "error"
            return new ErrorBody(shorten(errorText), null, null, null);
        }
        String code = errorText != null ? errorText : Json.text(root.path("code"));
        return new ErrorBody(shorten(message), Json.text(root.path("type")), code, null);
    }

    private static String firstText(JsonNode... nodes) {
        return Arrays.stream(nodes).map(ErrorBody::describe).filter(s -> s != null && !s.isBlank()).findFirst()
                .orElse(null);
    }

    private static String describe(JsonNode node) {
        String text = Json.text(node);
        if (text != null || node.isMissingNode() || node.isNull()) {
            return text;
        }
        // FastAPI validation details are lists of objects; quote them compactly
        return node.toString();
    }

    private static String htmlSummary(String html) {
        Matcher m = HTML_TITLE.matcher(html);
        String title = m.find() ? m.group(1).strip() : "";
        return title.isEmpty() ? "an HTML page" : "an HTML page titled \"" + shorten(title) + "\"";
    }

    private static String shorten(String text) {
        return text == null ? null : TextSnippets.shorten(text, TextSnippets.MESSAGE_CHARS);
    }

    /// True when `code` or `type` equals one of `values` (case-insensitive).
    public boolean hasCode(String... values) {
        return Arrays.stream(values).anyMatch(v -> v.equalsIgnoreCase(code == null ? "" : code)
                || v.equalsIgnoreCase(type == null ? "" : type));
    }

    /// True when the message matches `pattern` (a case-insensitive regex searched anywhere).
    public boolean says(Pattern pattern) {
        return message != null && pattern.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    /// The provider's message for quoting, or a placeholder when there was none.
    public String quoted() {
        return message == null || message.isBlank() ? "no error message" : message;
    }
}
