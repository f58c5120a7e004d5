package io.quotacanvas.provider.modelscope;

import io.quotacanvas.config.ProviderConfig;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The `options.poll_interval` of the ModelScope config: `3s`, `500ms`, `1m` or bare seconds.
final class PollInterval {
    static final Duration DEFAULT = Duration.ofSeconds(3);
    private static final Duration SHORTEST = Duration.ofMillis(10);
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)?");

    private PollInterval() {}

    /// The configured interval; [#DEFAULT] when unset, and also when unreadable or shorter than 10 ms,
    /// since a typo must not turn polling into a busy loop against the provider.
    static Duration of(ProviderConfig config) {
        Map<String, String> options = config.options();
        String text = options == null ? null : options.get("poll_interval");
        return text == null ? DEFAULT : parse(text);
    }

    static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return DEFAULT;
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return d.compareTo(SHORTEST) < 0 ? DEFAULT : d;
    }
}
