package io.quotacanvas.ui.service;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.ModelDefaults;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.token.QuotaStatus;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.TokenState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/// The real [StudioServices]: an adapter over the composition root the command line uses too.
public final class CoreStudioServices implements StudioServices {
    private final QuotaCanvas core;
    private final Clock clock;
    private final TokenPool pool;
    private final List<ProviderInfo> providers;
    private final ImageStore images;
    private final TokenManager tokens;

    public CoreStudioServices(QuotaCanvas core, Clock clock) {
        this.core = core;
        this.clock = clock;
        this.pool = core.tokenPool();   // config + environment + vault: the tokens the engine really rotates
        this.providers = describe(core.config(), pool);
        this.images = new LibraryImageStore(core.library());
        this.tokens = new CoreTokenManager(pool, core.vault(), core.ledger(), core.quotaStatus(), core.tokenTester(),
                clock);
    }

    private static List<ProviderInfo> describe(AppConfig config, TokenPool pool) {
        Set<ProviderId> order = new LinkedHashSet<>(config.routing().providerOrder());
        order.addAll(List.of(ProviderId.values()));
        List<ProviderInfo> out = new ArrayList<>();
        for (ProviderId id : order) {
            ProviderConfig pc = config.providers().get(id);
            if (pc != null) {
                // a provider that can't be called yet (OpenAI-compatible without a base URL) isn't offered
                out.add(new ProviderInfo(id, pc.enabled() && pc.setupProblem() == null,
                        List.copyOf(pc.models().keySet()), pool.tokens(id).size(), anonymousRoute(pc)));
            }
        }
        return List.copyOf(out);
    }

    /// Hugging Face's public Spaces, when the config lets requests go there without a token.
    private static boolean anonymousRoute(ProviderConfig pc) {
        return pc.id() == ProviderId.HUGGINGFACE && pc.publicFallback() && !pc.spaces().isEmpty();
    }

    @Override
    public List<ProviderInfo> providers() {
        return providers;
    }

    @Override
    public boolean optimizePromptByDefault() {
        return core.config().prompt().optimize();
    }

    @Override
    public ProviderStatus status(ProviderId provider, Instant now) {
        List<Token> tokens = pool.tokens(provider);
        String model = core.config().provider(provider).defaultModel();
        int ready = 0;
        int cooling = 0;
        int invalid = 0;
        Instant next = null;
        for (Token token : tokens) {
            switch (core.ledger().state(token, model, now)) {
                case TokenState.Ready r -> ready++;
                case TokenState.Cooling c -> {
                    cooling++;
                    next = next == null || c.until().isBefore(next) ? c.until() : next;
                }
                case TokenState.Invalid i -> invalid++;
            }
        }
        return new ProviderStatus(provider, ready, cooling, invalid, tokens.size(), next, anonymous(provider, now));
    }

    private ProviderStatus.Anonymous anonymous(ProviderId provider, Instant now) {
        ProviderConfig pc = core.config().provider(provider);
        if (!anonymousRoute(pc)) {
            return null;
        }
        return switch (core.ledger().state(Token.anonymous(provider), null, now)) {
            case TokenState.Ready r -> new ProviderStatus.Anonymous(true, null);
            case TokenState.Cooling c -> new ProviderStatus.Anonymous(false, c.until());
            case TokenState.Invalid i -> new ProviderStatus.Anonymous(false, null);
        };
    }

    @Override
    public List<ModelReadiness> readiness(Instant now) {
        Set<ProviderId> enabled = new LinkedHashSet<>();
        providers.stream().filter(ProviderInfo::enabled).forEach(p -> enabled.add(p.id()));
        List<ModelReadiness> out = new ArrayList<>();
        for (QuotaStatus.ProviderStatus p : core.quotaStatus().report().providers()) {
            if (!enabled.contains(p.provider())) {
                continue;
            }
            for (QuotaStatus.ModelStatus m : p.models()) {
                boolean unavailable = m.unavailableUntil() != null && m.unavailableUntil().isAfter(now);
                out.add(new ModelReadiness(p.provider(), m.model(), unavailable ? 0 : m.ready(),
                        !unavailable && Boolean.TRUE.equals(m.anonymousReady())));
            }
        }
        // the report follows the routing order; keep the pickers' order (the same) but be sure of it
        out.sort(java.util.Comparator.comparingInt(r -> List.copyOf(enabled).indexOf(r.provider())));
        return List.copyOf(out);
    }

    @Override
    public ModelHint hint(ProviderId provider, String model) {
        ProviderConfig pc = provider != null ? core.config().provider(provider) : providers.stream()
                .filter(p -> p.enabled() && p.models().contains(model)).findFirst()
                .map(p -> core.config().provider(p.id())).orElse(null);
        if (pc == null) {
            ModelDefaults.Defaults d = ModelDefaults.of(model);
            return new ModelHint(d.steps(), d.guidanceScale());
        }
        GenerationSettings s = ModelDefaults.settings(pc, model, ImageRequest.of("hint").withModel(model), "hint", 0);
        return new ModelHint(s.steps(), s.guidanceScale());
    }

    @Override
    public BatchResult generate(ImageRequest request, String runId, EngineListener listener, CallScope scope) {
        return core.engine().run(request, OutputPaths.NONE, runId, listener, scope);
    }

    @Override
    public ImageStore images() {
        return images;
    }

    @Override
    public TokenManager tokens() {
        return tokens;
    }

    @Override
    public Folders folders() {
        return new Folders(core.dirs().configFile(), core.dirs().stateDir(), core.library().root());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        core.close();
    }
}
