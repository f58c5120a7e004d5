package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.TextSnippets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/// Reads a Gradio `error` event (data `null`, a bare string, or `{"error": "...", …}` whose text may be
/// wrapped in single quotes) and classifies it, ZeroGPU quota wordings first (providers.md §1b).
/// Pure and thread-safe.
public final class ZeroGpuErrors {
    /// How long a spent ZeroGPU quota rests when the message names no time: the quota is a rolling day.
    static final Duration DEFAULT_QUOTA_REST = Duration.ofHours(24);
    /// The status the event stream itself answered with; the error is the app's, not HTTP's.
    static final int STREAM_STATUS = 200;

    private static final Pattern QUOTA = Pattern.compile("exceeded your.{0,40}(zerogpu quota|free gpu quota|gpu quota)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern RETRY_IN = Pattern.compile("(?:try again|retry) in (\\d+):(\\d{1,2}):(\\d{1,2})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOO_LONG = Pattern.compile("requested gpu duration.{0,80}larger than the maximum",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MODERATION = Pattern.compile(
            "nsfw|content policy|inappropriate|unsafe content|safety checker|moderation|prohibited content",
            Pattern.CASE_INSENSITIVE);

    private ZeroGpuErrors() {}

    /// The text of an `error` event's data (the JSON after `data:`), or null when the Space gave none.
    public static String text(String data) {
        JsonNode json = Json.parseOrNull(data);
        if (json == null) {
            return data == null || data.isBlank() ? null : unquote(data.strip());
        }
        if (json.isString()) return unquote(json.asString());
        if (json.isNull() || !json.isObject()) return null;
        String error = Json.text(json.get("error"));
        if (error == null || error.isBlank()) error = Json.text(json.get("title"));
        return error == null || error.isBlank() ? null : unquote(error);
    }

    /// One failure for an `error` event with `text` (null = no details), seen at `now`.
    public static Outcome.Failure classify(String text, Instant now) {
        int s = STREAM_STATUS;
        // old Gradio and apps with show_error off send nothing: most often a transient overload
        if (text == null) return new Outcome.ProviderError(s, "the Space reported an error without details");
        String said = "\"" + TextSnippets.shorten(text, TextSnippets.MESSAGE_CHARS) + "\"";
        // the caller's daily ZeroGPU time is spent; the message usually says when it comes back
        if (QUOTA.matcher(text).find()) return new Outcome.QuotaExhausted(s, "ZeroGPU quota used up: " + said,
                now.plus(retryIn(text)));
        // transient: every GPU of the pool is busy
        if (contains(text, "no gpu is currently available")) return new Outcome.ProviderError(s,
                "no ZeroGPU is free right now: " + said);
        // the Space asks for more GPU time than any caller may have: no retry on this Space helps
        if (TOO_LONG.matcher(text).find()) return new Outcome.ModelUnavailable(s,
                "the Space needs more GPU time than ZeroGPU allows: " + said);
        if (MODERATION.matcher(text).find()) return new Outcome.ContentRejected(s,
                "prompt rejected by the Space's content filter: " + said);
        return new Outcome.ProviderError(s, "the Space failed: " + said);
    }

    /// The `Try again in H:MM:SS` / `retry in H:MM:SS` delay, else [#DEFAULT_QUOTA_REST].
    static Duration retryIn(String text) {
        Matcher m = RETRY_IN.matcher(text);
        if (!m.find()) {
            return DEFAULT_QUOTA_REST;
        }
        return Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(Long.parseLong(m.group(2)))
                .plusSeconds(Long.parseLong(m.group(3)));
    }

    private static boolean contains(String text, String needle) {
        return text.toLowerCase(Locale.ROOT).contains(needle);
    }

    /// Python's `repr` of an exception message arrives wrapped in single quotes.
    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
