package io.quotacanvas.gateway;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.TokenPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// Defence in depth for answers: the adapters already mask tokens in provider messages, and this replaces
/// any pooled token that still appears in an answer's text (attempt messages, errors) with its masked form.
/// The pool is re-read at most once a second, so tokens added while the gateway runs are covered. Thread-safe.
final class SecretScrubber {
    private static final long REFRESH_NANOS = 1_000_000_000L;

    private final TokenPool pool;
    private volatile List<Secret> secrets = List.of();
    private volatile long readAt = Long.MIN_VALUE;

    SecretScrubber(TokenPool pool) {
        this.pool = pool;
    }

    /// `value` with every token masked: strings, and the strings inside maps and lists (copied).
    Object scrub(Object value) {
        return switch (value) {
            case String s -> scrub(s);
            case Map<?, ?> m -> {
                Map<Object, Object> copy = new LinkedHashMap<>();
                m.forEach((k, v) -> copy.put(k, scrub(v)));
                yield copy;
            }
            case List<?> l -> l.stream().map(this::scrub).toList();
            case null -> null;
            default -> value;
        };
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Secret s : current()) {
            if (out.contains(s.reveal())) {
                out = out.replace(s.reveal(), s.masked());
            }
        }
        return out;
    }

    private List<Secret> current() {
        long now = System.nanoTime();
        if (now - readAt > REFRESH_NANOS || readAt == Long.MIN_VALUE) {
            List<Secret> all = new ArrayList<>();
            for (ProviderId id : ProviderId.values()) {
                for (PoolEntry e : pool.entries(id)) {
                    if (e.token().secret() != null) {
                        all.add(e.token().secret());
                    }
                }
            }
            secrets = List.copyOf(all);
            readAt = now;
        }
        return secrets;
    }
}
