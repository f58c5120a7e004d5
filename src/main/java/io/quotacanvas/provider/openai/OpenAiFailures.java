package io.quotacanvas.provider.openai;

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
    static final Pattern MODEL_MISSING = Pattern.compile(
            "model.{0,60}(not found|not supported|does not exist|doesn't exist|not exist|unsupported|not available"
                    + "|is not enabled)|(unknown|invalid|unsupported) model|no such model|模型不存在|模型不支持");
    static final Pattern CONTENT = Pattern.compile(
            "safety|sensitive|content policy|moderation|inappropriate|nsfw|prohibited content|违规|敏感|不合规");

    /// How one provider words a 403, which means different things per provider.
    public record Dialect(String forbiddenMeaning) {}

    private OpenAiFailures() {}

    /// One failure for `status` (any non-2xx), the response `headers` and raw `body` text.
    public static Outcome.Failure classify(int status, Headers headers, String body, Instant now, Dialect dialect) {
        ErrorBody e = ErrorBody.parse(body);
        String said = e.quoted();
        if (status == 401) return new Outcome.AuthFailed(status, "token rejected (HTTP 401): " + said);
        if (status == 402) return new Outcome.QuotaExhausted(status, "quota used up (HTTP 402): " + said, RetryAfter.resetAt(headers, now));
        if (isQuota(status, e)) return new Outcome.QuotaExhausted(status, "quota used up (HTTP " + status + "): " + said, RetryAfter.resetAt(headers, now));
        if (status == 403) return new Outcome.AuthFailed(status, "access denied (HTTP 403) — " + dialect.forbiddenMeaning() + ": " + said);
        if (status == 429) return new Outcome.RateLimited(status, "rate limited (HTTP 429): " + said, RetryAfter.parse(headers, now));
        if (status == 404 || e.hasCode("model_not_found") || (isClientError(status) && e.says(MODEL_MISSING))) return new Outcome.ModelUnavailable(status, "model not available (HTTP " + status + "): " + said);
        if (isClientError(status) && isContentPolicy(e)) return new Outcome.ContentRejected(status, "prompt rejected by the provider's content filter: " + said);
        if (status == 400 || status == 422) return new Outcome.ProviderError(status, "request rejected as invalid (HTTP " + status + ")" + field(e) + ": " + said);
        if (status >= 500 || status == 408 || status == 409) return new Outcome.ProviderError(status, "provider error (HTTP " + status + "): " + said);
        return new Outcome.ProviderError(status, "unexpected HTTP " + status + ": " + said);
    }

    private static boolean isQuota(int status, ErrorBody e) {
        // an explicit rate-limit code wins over wording such as "per-minute quota"
        if (e.hasCode("rate_limit_exceeded")) return false;
        if (status != 429 && status != 403 && status != 400) return false;
        return e.hasCode("insufficient_quota", "insufficient_balance", "quota_exceeded") || e.says(QUOTA);
    }

    private static boolean isContentPolicy(ErrorBody e) {
        return e.hasCode("content_policy_violation", "moderation_blocked", "content_filter", "content_filtered")
                || e.says(CONTENT);
    }

    private static boolean isClientError(int status) {
        return status == 400 || status == 422;
    }

    private static String field(ErrorBody e) {
        return e.param() == null ? "" : " in field '" + e.param() + "'";
    }
}
