package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.ProviderHttp;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/// The OpenAI Images wire protocol shared by Gitee AI, A4F and compatible servers: pure request
/// building for `POST {base}/images/generations` and pure parsing of its 2xx answer.
public final class OpenAiImages {
    /// Path of the generation endpoint below the base URL.
    public static final String PATH = "images/generations";
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /// A 2xx body read as: a URL to download, inline image bytes, or a reason it is unusable.
    public sealed interface Parsed {
        record Url(HttpUrl url) implements Parsed {}

        record Inline(byte[] bytes, String contentType) implements Parsed {}

        record Invalid(Outcome.BadResponse failure) implements Parsed {}
    }

    private OpenAiImages() {}

    /// `{model, prompt, n:1}`, the fields every OpenAI-family image request carries.
    public static ObjectNode baseBody(String model, String prompt) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("prompt", prompt);
        body.put("n", 1);
        return body;
    }

    /// The pixel size to request: the settings' size, else the aspect ratio's size for `hd`.
    public static ImageSize size(GenerationSettings settings, ProviderConfig config) {
        if (settings.size() != null) {
            return settings.size();
        }
        return settings.aspectRatio().size(settings.hd(), config.hdScale() > 0 ? config.hdScale() : 1.0);
    }

    /// `POST {base}/images/generations` with `body` as JSON, signed with `token` for the provider's origin.
    public static Request.Builder post(ProviderConfig config, ObjectNode body, Token token) {
        HttpUrl url = ProviderHttp.endpoint(config, PATH);
        Request.Builder builder = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(body), JSON));
        return BearerAuth.sign(builder, ProviderHttp.baseUrl(config), url, token);
    }


    /// Reads a 2xx answer: `data[0].url` (or SiliconFlow's `images[0].url`) → [Parsed.Url],
    /// `data[0].b64_json` → [Parsed.Inline], a raw
    /// image body → [Parsed.Inline]; HTML, non-JSON or JSON without either → [Parsed.Invalid].
    public static Parsed parseResponse(int status, String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("image/")) {
            return new Parsed.Inline(body, contentType);
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (type.contains("html") || text.startsWith("<")) {
            return invalid(status, "provider returned text/html instead of JSON");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            return invalid(status, "provider returned a body that is not JSON: " + ErrorBody.parse(text).quoted());
        }
        return fromJson(status, root);
    }

    private static Parsed fromJson(int status, JsonNode root) {
        // SiliconFlow answers {"images":[{"url":…}]} beside (or instead of) OpenAI's data
        JsonNode first = root.path("data").path(0).isMissingNode() ? root.path("images").path(0)
                : root.path("data").path(0);
        String url = Json.text(first.path("url"));
        String b64 = Json.text(first.path("b64_json"));
        if (b64 != null && !b64.isBlank()) return base64(status, b64, Json.text(first.path("type")));
        if (url != null && url.startsWith("data:")) return dataUrl(status, url);
        if (url != null && !url.isBlank()) return httpUrl(status, url.strip());
        if (root.has("error")) {
            return invalid(status, "provider answered " + status + " with an error: "
                    + ErrorBody.parse(root.toString()).quoted());
        }
        return invalid(status, "provider's answer has no data[0].url or data[0].b64_json");
    }

    private static Parsed httpUrl(int status, String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null
                ? invalid(status, "provider returned an image URL that is not http(s)") : new Parsed.Url(parsed);
    }

    private static Parsed dataUrl(int status, String url) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            return invalid(status, "provider returned a data: URL that is not base64");
        }
        return base64(status, url.substring(comma + 1), url.substring(5, comma - 7));
    }

    private static Parsed base64(int status, String b64, String contentType) {
        try {
            return new Parsed.Inline(Base64.getMimeDecoder().decode(b64.strip()), contentType);
        } catch (IllegalArgumentException e) {
            return invalid(status, "provider's b64_json is not valid base64");
        }
    }

    private static Parsed invalid(int status, String message) {
        return new Parsed.Invalid(new Outcome.BadResponse(status, message));
    }
}
