package io.quotacanvas.provider.modelscope;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.provider.RetryAfter;
import io.quotacanvas.provider.openaiapi.ErrorBody;
import java.time.Instant;
import java.util.regex.Pattern;
import okhttp3.Headers;

/// Classifies ModelScope's non-2xx answers and failed tasks into exactly one failure class, following
/// providers.md §3 and §6. Pure and thread-safe.
///
/// A 429 "Request limit exceeded." means three different things, told apart by the rate-limit headers of
/// the same answer: the account's daily quota (account remaining 0, or no figures at all), one model's
/// daily quota (only the model's remaining is 0), or a short dynamic/concurrency limit (requests remain).
public final class ModelScopeFailures {
    static final Pattern MODEL_MISSING = Pattern.compile("model.{0,60}(not found|not supported|does not exist"
            + "|not exist|unsupported|not available)|(unknown|invalid|unsupported) model|no such model"
            + "|模型不存在|模型不支持");
    static final Pattern CONTENT = Pattern.compile("moderat|sensitive|inappropriate|content (policy|safety|security)"
            + "|nsfw|unsafe content|违规|敏感|不合规|审核");
    /// Money or quota wording: the account is in arrears or its balance, quota or credit is spent (the seed
    /// skill and Peinture both read these words as a spent token).
    static final Pattern QUOTA = Pattern.compile("arrearage|arrears|balance|quota|credit|\\bbill|欠费|余额|额度|配额");
    static final String FORBIDDEN = " — the ModelScope account must be bound to an Alibaba Cloud account with"
            + " real-name verification, or this model is restricted for it";

    private ModelScopeFailures() {}

    /// One failure for `status` (any non-2xx), the answer's `headers` and raw `body` text.
    public static Outcome.Failure classify(int status, Headers headers, String body, Instant now) {
        ErrorBody e = ErrorBody.parse(body);
        // the token is wrong, expired or deleted
        if (status == 401) return new Outcome.AuthFailed(status, say("token rejected", status, e));
        // money or quota wording outside a 429: this token is spent, the next one may not be
        if ((status == 400 || status == 402 || status == 403) && e.says(QUOTA)) return new Outcome.QuotaExhausted(
                status, say("quota or balance used up", status, e), null, false);
        // not allowed to call this model (a restricted model, or no Aliyun binding / real name): token × model
        if (status == 403) return new Outcome.AuthFailed(status, say("access denied", status, e) + FORBIDDEN, true);
        // a request limit: a daily quota or a short limit, told apart by the figures sent with it
        if (status == 429) return limit(status, headers, now, e);
        // a wrong or retired model id
        if (status == 404 || (status == 400 && e.says(MODEL_MISSING))) return new Outcome.ModelUnavailable(status,
                say("model not available", status, e));
        // the prompt was refused; trying it elsewhere is pointless
        if (status == 400 && e.says(CONTENT)) return contentRejected(status, e.quoted());
        // a field we sent is wrong for this model
        if (status == 400 || status == 422) return new Outcome.ProviderError(status,
                say("request rejected as invalid", status, e));
        // overload and outages are the provider's trouble, worth retrying later
        if (status >= 500) return new Outcome.ProviderError(status, say("provider error", status, e));
        return new Outcome.ProviderError(status, say("unexpected answer", status, e));
    }

    /// A task that ended `FAILED` with `message` (answered with HTTP `status`, usually 200).
    public static Outcome.Failure failedTask(int status, String message) {
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        // moderation failures arrive as failed tasks, not as 400s
        if (CONTENT.matcher(lower).find()) {
            return contentRejected(status, message);
        }
        // an account in arrears or out of quota fails the task: the token is spent, try the next one
        if (QUOTA.matcher(lower).find()) {
            return new Outcome.QuotaExhausted(status, "generation task failed, quota or balance used up: " + message,
                    null, false);
        }
        return new Outcome.ProviderError(status, "generation task failed: " + message);
    }

    private static Outcome.Failure limit(int status, Headers headers, Instant now, ErrorBody e) {
        QuotaSnapshot q = RateLimitHeaders.read(headers);
        // the account's daily requests are spent: the whole token rests until the daily reset
        if (q.accountSpent()) return new Outcome.QuotaExhausted(status, say("daily request quota used up", status, e)
                + figures(q), null, false);
        // only this model's daily cap is spent: the token may still serve other models
        if (q.modelSpent()) return new Outcome.QuotaExhausted(status, say("daily quota of this model used up",
                status, e) + figures(q), null, true);
        // requests remain, so this is the dynamic/concurrency limit: back off briefly
        if (q.requestsRemaining() != null || q.modelRemaining() != null) return new Outcome.RateLimited(status,
                say("rate limited", status, e) + figures(q), RetryAfter.parse(headers, now));
        // no figures at all: "Request limit exceeded." is documented as the daily quota
        return new Outcome.QuotaExhausted(status, say("request quota used up", status, e), null, false);
    }

    private static Outcome.ContentRejected contentRejected(int status, String message) {
        return new Outcome.ContentRejected(status, "prompt rejected by the provider's content filter: " + message);
    }

    private static String say(String what, int status, ErrorBody e) {
        return what + " (HTTP " + status + "): " + e.quoted();
    }

    private static String figures(QuotaSnapshot q) {
        return " (remaining today: account " + figure(q.requestsRemaining(), q.requestsLimit()) + ", model "
                + figure(q.modelRemaining(), q.modelLimit()) + ")";
    }

    private static String figure(Integer remaining, Integer limit) {
        return (remaining == null ? "?" : remaining) + "/" + (limit == null ? "?" : limit);
    }
}
