package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.RetryAfter;
import io.quotacanvas.provider.TextSnippets;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;

/// Classifies a Space's HTTP answers that are not what the Gradio flow expects: a paused or broken
/// runtime, a renamed endpoint, a full queue, a private Space (providers.md §1b, §6).
/// Pure and thread-safe.
public final class SpaceFailures {
    /// Which request of the flow answered, for messages and for what a 404 means.
    public enum Stage { CONFIG, INFO, CALL, STREAM, FILE }

    private static final Pattern BROKEN = Pattern.compile("paused|runtime error|runtime_error|build error"
            + "|build_error|config error|config_error|no application file|no_app_file|space is stopped|stopped by");
    private static final Pattern STARTING = Pattern.compile("building|starting|sleeping|is loading|waking");

    private SpaceFailures() {}

    /// One failure for a non-2xx answer (or a 2xx that is not Gradio's JSON) of `stage` with `body`.
    /// `anonymous` says no token was sent.
    public static Outcome.Failure classify(Stage stage, int status, Headers headers, String body, boolean anonymous,
                                           Instant now) {
        String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
        String said = status + ") on " + stage.name().toLowerCase(Locale.ROOT) + ": " + quote(body);
        // the Space's runtime is paused, stopped or crashed: nothing to call until its owner acts
        if (BROKEN.matcher(lower).find()) return new Outcome.ModelUnavailable(status,
                "the Space is paused or broken (HTTP " + said);
        // a private or gated Space: a token that can't open it is the token's problem; anonymous just can't
        if ((status == 401 || status == 403) && !anonymous) return new Outcome.AuthFailed(status,
                "the Space refused the token (HTTP " + said);
        if (status == 401 || status == 403) return new Outcome.ModelUnavailable(status,
                "the Space is private or gated; it needs a token with access (HTTP " + said);
        if (status == 429) return new Outcome.RateLimited(status, "the Space rate-limited us (HTTP " + said,
                RetryAfter.parse(headers, now));
        if (status == 503 && lower.contains("queue is full")) return new Outcome.RateLimited(status,
                "the Space's queue is full (HTTP " + said, RetryAfter.parse(headers, now));
        // the api_name was renamed or removed: current Gradio answers an unknown endpoint with 500, others 404
        if (isEndpointGone(stage, status)) return new Outcome.ModelUnavailable(status,
                "the Space's endpoint is gone or renamed (HTTP " + said);
        if (status == 503 && STARTING.matcher(lower).find()) return new Outcome.ProviderError(status,
                "the Space is starting up (HTTP " + said);
        // Gradio's validator refused the inputs: the same inputs fail on every retry
        if (status == 422) return new Outcome.ModelUnavailable(status, "the Space rejected our inputs (HTTP " + said);
        if (status >= 200 && status < 300) return new Outcome.BadResponse(status,
                "the Space did not answer like a Gradio app (HTTP " + said);
        return new Outcome.ProviderError(status, "the Space failed (HTTP " + said);
    }

    private static boolean isEndpointGone(Stage stage, int status) {
        boolean discoveryOrCall = stage == Stage.CONFIG || stage == Stage.INFO || stage == Stage.CALL;
        return discoveryOrCall && (status == 404 || status == 500);
    }

    /// The `detail` or `error` of a Gradio JSON error, else the body, shortened and quoted.
    static String quote(String body) {
        JsonNode json = Json.parseOrNull(body);
        String detail = json == null || !json.isObject() ? null : Json.text(json.get("detail"));
        if (detail == null && json != null && json.isObject()) {
            detail = Json.text(json.get("error"));
        }
        String text = detail != null ? detail : body == null ? "" : body.replaceAll("<[^>]*>", " ");
        return "\"" + TextSnippets.shorten(text, TextSnippets.MESSAGE_CHARS) + "\"";
    }
}
