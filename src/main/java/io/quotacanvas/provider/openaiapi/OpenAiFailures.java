package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.RetryAfter;
import java.time.Instant;
import java.util.regex.Pattern;
import okhttp3.Headers;

/// Classifies a non-2xx answer of an OpenAI-family endpoint (OpenAI, Gitee AI, A4F, compatible servers)
/// into exactly one failure class, following providers.md §6. Pure and thread-safe.
public final class OpenAiFailures {
    static final Pattern QUOTA = Pattern.compile(
            "quota|credit|balance|arrearage|billing hard limit|余额|额度|欠费");
    static final Pattern MODEL_MISSING = Pattern.compile("model.{0,60}(not found|not supported|does not exist"
            + "|doesn't exist|not exist|unsupported|not available|is not enabled)"
            + "|(unknown|invalid|unsupported) model|no such model|模型不存在|模型不支持");
    static final Pattern CONTENT = Pattern.compile(
            "safety|sensitive|content policy|moderation|inappropriate|nsfw|prohibited content|违规|敏感|不合规");

    /// How one provider words a 403, which means different things per provider; `forbiddenPerModel` says a
    /// 403 refuses the token for the requested model only (the token still serves others).
    public record Dialect(String forbiddenMeaning, boolean forbiddenPerModel) {
        public Dialect(String forbiddenMeaning) {
            this(forbiddenMeaning, false);
        }
    }

    private OpenAiFailures() {}

    /// One failure for `status` (any non-2xx), the response `headers` and raw `body` text.
    public static Outcome.Failure classify(int status, Headers headers, String body, Instant now, Dialect dialect) {
        ErrorBody e = ErrorBody.parse(body);
        // the token itself is wrong, expired or revoked
        if (status == 401) return new Outcome.AuthFailed(status, say("token rejected", status, e));
        // payment required, or quota wording on a limit answer: the token is spent until its reset
        if (status == 402 || isQuota(status, e)) return quota(status, headers, now, say("quota used up", status, e));
        // forbidden means something different per provider, so the dialect says what
        if (status == 403) return new Outcome.AuthFailed(status,
                say("access denied", status, " — " + dialect.forbiddenMeaning(), e), dialect.forbiddenPerModel());
        // any other 429 is a short-term limit
        if (status == 429) return new Outcome.RateLimited(status, say("rate limited", status, e),
                RetryAfter.parse(headers, now));
        // the model id is unknown, retired or not served here
        if (isModelMissing(status, e)) return new Outcome.ModelUnavailable(status, say("model not available", status, e));
        // the provider's filter refused the prompt; retrying elsewhere with the same prompt is pointless
        if (isBadRequest(status) && isContentPolicy(e)) return new Outcome.ContentRejected(status,
                "prompt rejected by the provider's content filter: " + e.quoted());
        // a field we sent is wrong for this model
        if (isBadRequest(status)) return new Outcome.ProviderError(status,
                say("request rejected as invalid", status, field(e), e));
        // overload, timeouts and conflicts are the provider's trouble, worth retrying later
        if (status >= 500 || status == 408 || status == 409) return new Outcome.ProviderError(status,
                say("provider error", status, e));
        return new Outcome.ProviderError(status, say("unexpected answer", status, e));
    }

    private static String say(String what, int status, ErrorBody e) {
        return say(what, status, "", e);
    }

    private static String say(String what, int status, String detail, ErrorBody e) {
        return what + " (HTTP " + status + ")" + detail + ": " + e.quoted();
    }

    private static Outcome.QuotaExhausted quota(int status, Headers headers, Instant now, String message) {
        return new Outcome.QuotaExhausted(status, message, RetryAfter.resetAt(headers, now));
    }

    private static boolean isModelMissing(int status, ErrorBody e) {
        return status == 404 || e.hasCode("model_not_found") || (isBadRequest(status) && e.says(MODEL_MISSING));
    }

    private static boolean isQuota(int status, ErrorBody e) {
        // an explicit rate-limit code wins over wording such as "per-minute quota"
        if (e.hasCode("rate_limit_exceeded")) return false;
        // some clones answer a spent quota with 400 or 403 instead of 429
        if (status != 429 && status != 403 && status != 400) return false;
        return e.hasCode("insufficient_quota", "insufficient_balance", "quota_exceeded") || e.says(QUOTA);
    }

    private static boolean isContentPolicy(ErrorBody e) {
        return e.hasCode("content_policy_violation", "moderation_blocked", "content_filter", "content_filtered")
                || e.says(CONTENT);
    }

    private static boolean isBadRequest(int status) {
        return status == 400 || status == 422;
    }

    private static String field(ErrorBody e) {
        return e.param() == null ? "" : " in field '" + e.param() + "'";
    }
}
