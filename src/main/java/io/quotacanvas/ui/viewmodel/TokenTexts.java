package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.ui.I18n;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// How the token manager and the status bar word states, local times and countdowns. Pure.
public final class TokenTexts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final I18n i18n;
    private final ZoneId zone;

    public TokenTexts(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.zone = zone;
    }

    /// `04:12` or `1:04:12` left until `until` (zero once passed).
    public static String countdown(Instant now, Instant until) {
        Duration left = Duration.between(now, until);
        if (left.isNegative()) {
            left = Duration.ZERO;
        }
        return left.toHours() > 0
                ? "%d:%02d:%02d".formatted(left.toHours(), left.toMinutesPart(), left.toSecondsPart())
                : "%02d:%02d".formatted(left.toMinutesPart(), left.toSecondsPart());
    }

    /// `09:30` today, else `2026-11-25 09:30`, in the person's zone.
    public String local(Instant at, Instant now) {
        ZonedDateTime t = at.atZone(zone);
        return t.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME.format(t) : DAY_TIME.format(t);
    }

    /// "ready", "cooling until 09:30 (quota used up) · 04:12 left", "invalid: …", "disabled".
    public String state(TokenState state, boolean enabled, Instant now) {
        if (!enabled) {
            return i18n.get("tokens.state.disabled");
        }
        return switch (state) {
            case TokenState.Ready r -> i18n.get("tokens.state.ready");
            case TokenState.Cooling c -> cooling(c, now);
            case TokenState.Invalid i -> i18n.get("tokens.state.invalid", i.message());
        };
    }

    /// The per-model coolings of a token that is otherwise ready: "qwen-image cooling until 09:30 …".
    public List<String> modelStates(Map<String, TokenState> states, Instant now) {
        List<String> out = new ArrayList<>();
        states.forEach((model, s) -> out.add(i18n.get("tokens.state.model", model, state(s, true, now))));
        return out;
    }

    private String cooling(TokenState.Cooling c, Instant now) {
        String reason = reason(c.reason().wireName());
        return i18n.get("tokens.state.cooling", local(c.until(), now), reason, countdown(now, c.until()));
    }

    /// The failure class in words (`quota_exhausted` → "quota used up").
    public String reason(String wireName) {
        String key = "outcome." + wireName;
        String text = i18n.get(key);
        return text.equals(key) ? wireName : text;
    }

    /// The smaller of a snapshot's model and account remaining calls, or null when neither is known.
    public static Integer left(QuotaSnapshot q) {
        if (q == null) {
            return null;
        }
        if (q.modelRemaining() != null && q.requestsRemaining() != null) {
            return Math.min(q.modelRemaining(), q.requestsRemaining());
        }
        return q.modelRemaining() != null ? q.modelRemaining() : q.requestsRemaining();
    }
}
