package io.quotacanvas.provider.modelscope;

import io.quotacanvas.core.QuotaSnapshot;
import okhttp3.Headers;

/// Reads ModelScope's `modelscope-ratelimit-*` response headers (per account and per model, per day)
/// into a [QuotaSnapshot]. Pure and thread-safe.
public final class RateLimitHeaders {
    static final String REQUESTS_LIMIT = "modelscope-ratelimit-requests-limit";
    static final String REQUESTS_REMAINING = "modelscope-ratelimit-requests-remaining";
    static final String MODEL_LIMIT = "modelscope-ratelimit-model-requests-limit";
    static final String MODEL_REMAINING = "modelscope-ratelimit-model-requests-remaining";

    private RateLimitHeaders() {}

    /// The figures in `headers`; each is null when absent or not a whole number. Never null itself.
    public static QuotaSnapshot read(Headers headers) {
        return new QuotaSnapshot(number(headers.get(REQUESTS_REMAINING)), number(headers.get(REQUESTS_LIMIT)),
                number(headers.get(MODEL_REMAINING)), number(headers.get(MODEL_LIMIT)));
    }

    /// `earlier` updated with every figure `later` carries (a response without the headers keeps the
    /// figures already seen). Either may be null.
    public static QuotaSnapshot merge(QuotaSnapshot earlier, QuotaSnapshot later) {
        if (earlier == null) return later;
        if (later == null) return earlier;
        return new QuotaSnapshot(
                pick(later.requestsRemaining(), earlier.requestsRemaining()),
                pick(later.requestsLimit(), earlier.requestsLimit()),
                pick(later.modelRemaining(), earlier.modelRemaining()),
                pick(later.modelLimit(), earlier.modelLimit()));
    }

    private static Integer pick(Integer newer, Integer older) {
        return newer != null ? newer : older;
    }

    private static Integer number(String value) {
        if (value == null || !value.strip().matches("-?\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(value.strip());
    }
}
