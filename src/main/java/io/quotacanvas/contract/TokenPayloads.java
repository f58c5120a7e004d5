package io.quotacanvas.contract;

import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.QuotaStatus.AnonymousStatus;
import io.quotacanvas.token.QuotaStatus.CoolingToken;
import io.quotacanvas.token.QuotaStatus.ModelStatus;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.TokenStatus;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.probe.ProbeResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The JSON of `status` and `tokens`: stable field names in a stable order (fields may be added, never
/// removed); instants are ISO-8601 UTC strings or null. Token values appear only masked.
public final class TokenPayloads {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TokenPayloads() {
    }

    /// `{at, providers: [provider status]}`.
    public static Map<String, Object> status(Instant at, List<ProviderStatus> providers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", iso(at));
        m.put("providers", providers.stream().map(TokenPayloads::provider).toList());
        return m;
    }

    private static Map<String, Object> provider(ProviderStatus p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", p.provider().wireName());
        m.put("enabled", p.enabled());
        m.put("setup_problem", p.setupProblem());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", p.tokens().size());
        counts.put("ready", p.tokens().stream().filter(t -> t.entry().enabled() && t.state().usable()).count());
        counts.put("cooling", p.tokens().stream().filter(t -> t.state() instanceof TokenState.Cooling).count());
        counts.put("invalid", p.tokens().stream().filter(t -> t.state() instanceof TokenState.Invalid).count());
        counts.put("disabled", p.tokens().stream().filter(t -> !t.entry().enabled()).count());
        m.put("tokens", counts);
        m.put("images_today", p.imagesToday());
        m.put("next_ready", iso(p.nextReady()));
        m.put("next_reset", iso(p.nextReset()));
        m.put("anonymous", anonymous(p.anonymous()));
        m.put("models", p.models().stream().map(TokenPayloads::model).toList());
        return m;
    }

    /// Hugging Face's anonymous pseudo-token, or null for other providers.
    public static Map<String, Object> anonymous(AnonymousStatus a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("allowed", a.allowed());
        putState(m, a.state());
        m.put("last_used", iso(a.lastUsed()));
        m.put("images_today", a.imagesToday());
        return m;
    }

    private static Map<String, Object> model(ModelStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", s.model());
        m.put("provider_model", s.providerModel());
        m.put("ready", s.ready());
        m.put("cooling", s.cooling().stream().map(TokenPayloads::cooling).toList());
        m.put("invalid", s.invalid());
        m.put("disabled", s.disabled());
        m.put("known_remaining", s.knownRemaining());
        m.put("anonymous_ready", s.anonymousReady());
        m.put("unavailable_until", iso(s.unavailableUntil()));
        return m;
    }

    private static Map<String, Object> cooling(CoolingToken c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("token", c.label());
        m.put("until", iso(c.until()));
        m.put("reason", c.reason());
        m.put("message", c.message());
        return m;
    }

    /// One row of `tokens list`.
    public static Map<String, Object> token(TokenStatus t) {
        PoolEntry e = t.entry();
        Token token = e.token();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ordinal", token.ordinal());
        m.put("label", token.label());
        m.put("name", e.name());
        m.put("masked", token.secret().masked());
        m.put("source", token.source());
        m.put("editable", e.editable());
        m.put("enabled", e.enabled());
        putState(m, e.enabled() ? t.state() : null);
        Map<String, Object> models = new LinkedHashMap<>();
        t.modelStates().forEach((model, s) -> {
            Map<String, Object> ms = new LinkedHashMap<>();
            putState(ms, s);
            models.put(model, ms);
        });
        m.put("models", models);
        m.put("last_used", iso(t.lastUsed()));
        m.put("images_today", t.imagesToday());
        Map<String, Object> remaining = new LinkedHashMap<>();
        t.remaining().forEach((model, q) -> remaining.put(model, quota(q)));
        m.put("remaining", remaining);
        m.put("added_at", iso(e.addedAt()));
        return m;
    }

    private static Map<String, Object> quota(QuotaSnapshot q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests_remaining", q.requestsRemaining());
        m.put("requests_limit", q.requestsLimit());
        m.put("model_remaining", q.modelRemaining());
        m.put("model_limit", q.modelLimit());
        return m;
    }

    /// One probe result of `tokens test`.
    public static Map<String, Object> probe(Token token, ProbeResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", token.provider().wireName());
        m.put("token", token.label());
        m.put("source", token.source());
        m.put("result", r.kind().wireName());
        m.put("message", r.message());
        m.put("http_status", r.httpStatus() == 0 ? null : r.httpStatus());
        return m;
    }

    /// `state` (`ready`, `cooling`, `invalid`, or `disabled` for null), `until`, `reason`, `message`.
    private static void putState(Map<String, Object> m, TokenState s) {
        switch (s) {
            case null -> put(m, "disabled", null, null, null);
            case TokenState.Ready _ -> put(m, "ready", null, null, null);
            case TokenState.Cooling c -> put(m, "cooling", c.until(), c.reason().wireName(), c.message());
            case TokenState.Invalid i -> put(m, "invalid", null, "auth_failed", i.message());
        }
    }

    private static void put(Map<String, Object> m, String state, Instant until, String reason, String message) {
        m.put("state", state);
        m.put("until", iso(until));
        m.put("reason", reason);
        m.put("message", message);
    }

    /// `ready`, `cooling until 2026-11-25 00:00 (quota_exhausted)`, `invalid (token rejected …)`.
    public static String describe(TokenState s, ZoneId zone) {
        return switch (s) {
            case TokenState.Ready _ -> "ready";
            case TokenState.Cooling c -> "cooling until " + local(c.until(), zone) + " (" + c.reason().wireName() + ")";
            case TokenState.Invalid i -> "invalid (" + (i.message().isBlank() ? "rejected by the provider" : i.message())
                    + ")";
        };
    }

    public static String local(Instant instant, ZoneId zone) {
        return instant == null ? "-" : LOCAL.format(instant.atZone(zone));
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
