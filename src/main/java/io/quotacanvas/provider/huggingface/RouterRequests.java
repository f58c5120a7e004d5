package io.quotacanvas.provider.huggingface;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import io.quotacanvas.provider.RetryAfter;
import io.quotacanvas.provider.TextSnippets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.node.ObjectNode;

/// The Hugging Face Inference Providers router (`hf-inference`): the pure request builder and the pure
/// classifier of its non-2xx answers (providers.md §1a). Stateless and thread-safe.
public final class RouterRequests {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private RouterRequests() {}

    /// `POST {base}/hf-inference/models/{hub id}` with `Authorization: Bearer`, asking for image bytes.
    public static Request build(ProviderConfig config, ProviderCall call) {
        HttpUrl url = ProviderHttp.endpoint(config, "hf-inference/models/" + call.providerModel());
        Request.Builder builder = new Request.Builder().url(url)
                .header("Accept", "image/png, image/jpeg, image/webp, image/*")
                .post(RequestBody.create(body(call.settings()).toString(), JSON));
        return BearerAuth.sign(builder, ProviderHttp.baseUrl(config), url, call.token()).build();
    }

    /// `{"inputs": prompt, "parameters": {width, height, num_inference_steps, guidance_scale?, seed}}`.
    public static ObjectNode body(GenerationSettings s) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("inputs", s.prompt());
        ObjectNode p = body.putObject("parameters");
        p.put("width", s.size().width());
        p.put("height", s.size().height());
        p.put("num_inference_steps", s.steps());
        if (s.guidanceScale() != null) {
            p.put("guidance_scale", s.guidanceScale());
        }
        p.put("seed", s.seed());
        return body;
    }

    /// One failure for a non-2xx router answer with `body` text.
    public static Outcome.Failure classify(int status, Headers headers, String body, Instant now) {
        String said = quote(body);
        String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
        // monthly credits are spent: the token is done until the calendar month turns (UTC)
        if (status == 402) return new Outcome.QuotaExhausted(status, "monthly Inference Providers credits used up"
                + " (HTTP 402): " + said, firstOfNextMonth(now));
        if (status == 401) return new Outcome.AuthFailed(status, "token rejected (HTTP 401): " + said);
        if (status == 403) return new Outcome.AuthFailed(status, "access denied (HTTP 403) — the token lacks the"
                + " \"Inference Providers\" permission (tick it on a fine-grained token): " + said);
        // the hub id is unknown to hf-inference, or that provider doesn't serve it
        if (status == 404 || lower.contains("not supported by provider")) return new Outcome.ModelUnavailable(
                status, "model not served by hf-inference (HTTP " + status + "): " + said);
        if (status == 429) return new Outcome.RateLimited(status, "rate limited (HTTP 429): " + said,
                RetryAfter.parse(headers, now));
        // cold start or overload: worth retrying later
        if (status == 503 || status == 504) return new Outcome.ProviderError(status,
                "model loading or overloaded (HTTP " + status + "): " + said);
        return new Outcome.ProviderError(status, "router error (HTTP " + status + "): " + said);
    }

    /// 00:00 UTC on the first day of the month after `now`'s month.
    public static Instant firstOfNextMonth(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String quote(String body) {
        var json = Json.parseOrNull(body);
        String error = json == null ? null : Json.text(json.path("error"));
        return "\"" + TextSnippets.shorten(error != null ? error : body, TextSnippets.MESSAGE_CHARS) + "\"";
    }
}
