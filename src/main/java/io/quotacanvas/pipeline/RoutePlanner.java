package io.quotacanvas.pipeline;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.token.TokenPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Turns a request into a [RoutePlan]: which providers (config order for auto, or the named one), which
/// models on each (requested → `z-image-turbo` → the provider's default, unsupported ones skipped; an
/// OpenAI-compatible server gets a requested id that no provider's map names as-is), and
/// which tokens. Pure: no I/O, no ledger (token states are checked per attempt, as they change).
public final class RoutePlanner {
    private final AppConfig config;
    private final TokenPool pool;
    private final Set<ProviderId> adapters;

    /// `adapters` are the providers this build can talk to.
    public RoutePlanner(AppConfig config, TokenPool pool, Set<ProviderId> adapters) {
        this.config = config;
        this.pool = pool;
        this.adapters = Set.copyOf(adapters);
    }

    public RoutePlan plan(ImageRequest request) {
        boolean auto = request.provider() == null;
        List<ProviderId> order = auto ? config.routing().providerOrder() : List.of(request.provider());
        List<ProviderRoute> routes = new ArrayList<>();
        List<AttemptRecord> skipped = new ArrayList<>();
        for (ProviderId id : order) {
            ProviderConfig pc = config.provider(id);
            // read once: the pool re-reads the vault (and the keyring) on every call
            List<Token> tokens = pc.enabled() && adapters.contains(id) ? tokensFor(pc) : List.of();
            String reason = unusableReason(pc, tokens);
            if (reason != null) {
                skipped.add(skip(id, request.model(), reason));
                continue;
            }
            List<ModelCandidate> models = modelCandidates(pc, request.model(), request.exactModel(), skipped);
            if (models.isEmpty()) {
                continue;
            }
            routes.add(new ProviderRoute(id, pc, models, tokens));
        }
        return new RoutePlan(List.copyOf(routes), List.copyOf(skipped), auto);
    }

    private String unusableReason(ProviderConfig pc, List<Token> tokens) {
        if (!pc.enabled()) {
            return "disabled in config";
        }
        if (pc.setupProblem() != null) {
            return pc.setupProblem();
        }
        if (!adapters.contains(pc.id())) {
            return "not supported by this version";
        }
        if (tokens.isEmpty()) {
            return "no tokens configured";
        }
        return null;
    }

    private List<Token> tokensFor(ProviderConfig pc) {
        List<Token> tokens = new ArrayList<>(pool.tokens(pc.id()));
        if (pc.id() == ProviderId.HUGGINGFACE && pc.publicFallback()) {
            tokens.add(Token.anonymous(pc.id()));
        }
        return tokens;
    }

    /// requested → z-image-turbo → provider default (only the requested one when `exact`); a requested
    /// provider-native id maps back to its canonical name; unsupported candidates are recorded as skipped.
    private List<ModelCandidate> modelCandidates(ProviderConfig pc, String requested, boolean exact,
                                                 List<AttemptRecord> skipped) {
        Map<String, ModelCandidate> out = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        String[] chain = exact ? new String[] {requested}
                : new String[] {requested, ImageRequest.DEFAULT_MODEL, pc.defaultModel()};
        for (String wanted : chain) {
            if (wanted == null || !seen.add(wanted)) {
                continue;
            }
            String canonical = canonicalFor(pc, wanted);
            // only an asked-for id that no provider knows passes through as-is, never the chain's fallbacks
            if (canonical == null && wanted.equals(requested) && pc.passesUnknownModels() && !isKnown(wanted)) {
                out.putIfAbsent(wanted, new ModelCandidate(wanted, wanted));
                continue;
            }
            if (canonical == null) {
                skipped.add(skip(pc.id(), wanted, "model not offered by " + pc.id().wireName()));
                continue;
            }
            out.putIfAbsent(canonical, new ModelCandidate(canonical, pc.models().get(canonical)));
        }
        return List.copyOf(out.values());
    }

    /// True when some provider's model map names `model` (as a canonical name or its own id).
    private boolean isKnown(String model) {
        return config.providers().values().stream().anyMatch(p -> canonicalFor(p, model) != null);
    }

    private static String canonicalFor(ProviderConfig pc, String wanted) {
        if (pc.models().containsKey(wanted)) {
            return wanted;
        }
        return pc.models().entrySet().stream().filter(e -> e.getValue().equals(wanted)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static AttemptRecord skip(ProviderId id, String model, String reason) {
        return new AttemptRecord(AttemptStep.SKIP, id, model, null, AttemptOutcome.SKIPPED, 0, reason, 0, null);
    }
}
