package io.quotacanvas.token;

import io.quotacanvas.token.ledger.Ledger;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger.LedgerEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/// "What can I still generate today?": per provider and model, the ready, cooling and invalid tokens, the
/// remaining calls providers reported, Hugging Face's anonymous availability, images made today and when
/// quotas reset. Built from config + pool + ledger + clock; reads only (no network). Thread-safe; each call
/// reads the ledger and vault afresh, so a cooled token reads as ready once its instant has passed.
public final class QuotaStatus {
    private final AppConfig config;
    private final TokenPool pool;
    private final Ledger ledger;
    private final Clock clock;

    public QuotaStatus(AppConfig config, TokenPool pool, Ledger ledger, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /// Every provider, in the config's routing order first, then the others.
    public StatusReport report() {
        Instant now = clock.instant();
        List<ProviderId> order = new ArrayList<>(config.routing().providerOrder());
        for (ProviderId id : ProviderId.values()) {
            if (!order.contains(id)) {
                order.add(id);
            }
        }
        return new StatusReport(now, order.stream().map(id -> provider(id, now)).toList());
    }

    /// One provider at the clock's instant.
    public ProviderStatus provider(ProviderId id) {
        return provider(id, clock.instant());
    }

    /// The provider's tokens for the token manager: pool rows with their ledger state, in rotation order.
    public List<TokenStatus> tokens(ProviderId id) {
        return tokens(id, clock.instant(), byFingerprint(id, clock.instant()));
    }

    private ProviderStatus provider(ProviderId id, Instant now) {
        ProviderConfig pc = config.provider(id);
        Map<String, List<LedgerEntry>> ledgerRows = byFingerprint(id, now);
        List<TokenStatus> tokens = tokens(id, now, ledgerRows);
        AnonymousStatus anonymous = id == ProviderId.HUGGINGFACE ? anonymous(pc, now, ledgerRows) : null;
        List<ModelStatus> models = new ArrayList<>();
        for (Map.Entry<String, String> m : pc.models().entrySet()) {
            models.add(model(pc, m.getKey(), m.getValue(), tokens, now));
        }
        int today = tokens.stream().mapToInt(TokenStatus::imagesToday).sum()
                + (anonymous == null ? 0 : anonymous.imagesToday());
        Instant nextReady = tokens.stream().map(t -> t.state() instanceof TokenState.Cooling c ? c.until() : null)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Instant nextReset = pc.quotaReset() == null ? null : pc.quotaReset().nextAfter(now);
        return new ProviderStatus(id, pc.enabled() && pc.setupProblem() == null, pc.setupProblem(), tokens,
                List.copyOf(models), anonymous, today, nextReady, nextReset);
    }

    private List<TokenStatus> tokens(ProviderId id, Instant now, Map<String, List<LedgerEntry>> rows) {
        List<TokenStatus> out = new ArrayList<>();
        for (PoolEntry e : pool.entries(id)) {
            Token t = e.token();
            List<LedgerEntry> own = rows.getOrDefault(t.fingerprint(), List.of());
            Map<String, TokenState> perModel = new LinkedHashMap<>();
            Map<String, QuotaSnapshot> remaining = new LinkedHashMap<>();
            for (LedgerEntry row : own) {
                if (!row.model().isEmpty() && !row.state().usable()) {
                    perModel.put(row.model(), row.state());
                }
            }
            for (String model : config.provider(id).models().keySet()) {
                ledger.lastQuota(t, model).ifPresent(q -> remaining.put(model, q));
            }
            LedgerEntry wide = own.stream().filter(r -> r.model().isEmpty()).findFirst().orElse(null);
            out.add(new TokenStatus(e, ledger.state(t, null, now), Map.copyOf(perModel), Map.copyOf(remaining),
                    wide == null ? null : wide.lastUsed(), wide == null ? 0 : wide.imagesToday()));
        }
        return List.copyOf(out);
    }

    private ModelStatus model(ProviderConfig pc, String model, String providerModel, List<TokenStatus> tokens,
                              Instant now) {
        int ready = 0;
        int invalid = 0;
        int disabled = 0;
        Integer remaining = null;
        List<CoolingToken> cooling = new ArrayList<>();
        for (TokenStatus t : tokens) {
            if (!t.entry().enabled() || t.entry().token().isAnonymous()) {
                disabled++;
                continue;
            }
            TokenState s = ledger.state(t.entry().token(), model, now);
            switch (s) {
                case TokenState.Ready _ -> ready++;
                case TokenState.Invalid _ -> invalid++;
                case TokenState.Cooling c -> cooling.add(new CoolingToken(t.entry().token().label(), c.until(),
                        c.reason().wireName(), c.message()));
            }
            QuotaSnapshot q = t.remaining().get(model);
            Integer left = q == null ? null : leftOf(q);
            if (left != null) {
                remaining = (remaining == null ? 0 : remaining) + left;
            }
        }
        Boolean anonymousReady = null;
        if (pc.id() == ProviderId.HUGGINGFACE) {
            anonymousReady = pc.publicFallback() && pc.spaces().containsKey(model)
                    && ledger.state(Token.anonymous(pc.id()), model, now).usable();
        }
        Instant unavailable = ledger.modelUnavailableUntil(pc.id(), model, now).orElse(null);
        return new ModelStatus(model, providerModel, ready, List.copyOf(cooling), invalid, disabled, remaining,
                anonymousReady, unavailable);
    }

    private AnonymousStatus anonymous(ProviderConfig pc, Instant now, Map<String, List<LedgerEntry>> rows) {
        Token anon = Token.anonymous(pc.id());
        LedgerEntry wide = rows.getOrDefault(anon.fingerprint(), List.of()).stream()
                .filter(r -> r.model().isEmpty()).findFirst().orElse(null);
        return new AnonymousStatus(pc.publicFallback(), ledger.state(anon, null, now),
                wide == null ? null : wide.lastUsed(), wide == null ? 0 : wide.imagesToday());
    }

    private Map<String, List<LedgerEntry>> byFingerprint(ProviderId id, Instant now) {
        Map<String, List<LedgerEntry>> map = new HashMap<>();
        for (LedgerEntry e : ledger.entries(id, now)) {
            map.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e);
        }
        return map;
    }

    /// The smaller of the model's and the account's remaining calls, whichever are known.
    private static Integer leftOf(QuotaSnapshot q) {
        if (q.modelRemaining() != null && q.requestsRemaining() != null) {
            return Math.min(q.modelRemaining(), q.requestsRemaining());
        }
        return q.modelRemaining() != null ? q.modelRemaining() : q.requestsRemaining();
    }

    /// The whole picture at instant `at`.
    public record StatusReport(Instant at, List<ProviderStatus> providers) {}

    /// One provider: its tokens, its models, the anonymous pseudo-token (Hugging Face only, else null),
    /// images made today, when the first cooling token comes back (`nextReady`, null if none) and when
    /// spent quotas reset (`nextReset`, null if the provider has no reset rule). `enabled` is false too when
    /// the provider can't be called as configured; `setupProblem` then says what to set (else null).
    public record ProviderStatus(ProviderId provider, boolean enabled, String setupProblem, List<TokenStatus> tokens,
                                 List<ModelStatus> models, AnonymousStatus anonymous, int imagesToday,
                                 Instant nextReady, Instant nextReset) {}

    /// One token: its pool row, its token-wide state, the models it is cooling or invalid for, the last
    /// remaining-call figures per model, when it last made an image (null if never) and images today.
    public record TokenStatus(PoolEntry entry, TokenState state, Map<String, TokenState> modelStates,
                              Map<String, QuotaSnapshot> remaining, Instant lastUsed, int imagesToday) {}

    /// One canonical model of a provider: how many enabled tokens are ready, which are cooling (and until
    /// when), how many invalid or disabled, the sum of known remaining calls (null when no provider said),
    /// whether the anonymous route is ready (Hugging Face only, else null) and until when the model is
    /// marked unavailable (null if it isn't).
    public record ModelStatus(String model, String providerModel, int ready, List<CoolingToken> cooling,
                              int invalid, int disabled, Integer knownRemaining, Boolean anonymousReady,
                              Instant unavailableUntil) {}

    /// A cooling token of a model: masked label, until when, why (failure class wire name) and the message.
    public record CoolingToken(String label, Instant until, String reason, String message) {}

    /// Hugging Face's anonymous pseudo-token: whether `public_fallback` allows it and its ledger state.
    public record AnonymousStatus(boolean allowed, TokenState state, Instant lastUsed, int imagesToday) {}
}
