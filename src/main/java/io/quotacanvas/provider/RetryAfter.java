package io.quotacanvas.provider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/// Reads a provider's back-off hint: `retry-after-ms` (OpenAI SDK), else `Retry-After` as delay seconds
/// or an HTTP date. Pure and thread-safe.
public final class RetryAfter {
    private RetryAfter() {}

    /// The hinted delay from `now`, never negative; null when no usable header is present.
    public static Duration parse(Headers headers, Instant now) {
        Duration ms = millis(headers.get("retry-after-ms"));
        if (ms != null) {
            return ms;
        }
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = seconds(value.trim());
        return seconds != null ? seconds : httpDate(value.trim(), now);
    }

    /// `now` plus the hinted delay, or null when there is no hint.
    public static Instant resetAt(Headers headers, Instant now) {
        Duration d = parse(headers, now);
        return d == null ? null : now.plus(d);
    }

    private static Duration millis(String value) {
        Double v = number(value);
        return v == null ? null : Duration.ofMillis(Math.round(Math.max(0, v)));
    }

    private static Duration seconds(String value) {
        Double v = number(value);
        return v == null ? null : Duration.ofMillis(Math.round(Math.max(0, v) * 1000));
    }

    private static Double number(String value) {
        if (value == null || !value.trim().matches("-?\\d+(\\.\\d+)?")) {
            return null;
        }
        return Double.parseDouble(value.trim());
    }

    private static Duration httpDate(String value, Instant now) {
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
