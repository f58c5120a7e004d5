package io.quotacanvas.ui.service;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.OutputPaths;
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
                        List.copyOf(pc.models().keySet()), pool.tokens(id).size()));
            }
        }
        return List.copyOf(out);
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
        return new ProviderStatus(provider, ready, cooling, invalid, tokens.size(), next);
    }

    @Override
    public BatchResult generate(ImageRequest request, EngineListener listener, CallScope scope) {
        return core.engine().run(request, OutputPaths.NONE, listener, scope);
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
