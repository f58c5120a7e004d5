package io.quotacanvas.prompt;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.PromptConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.PromptPreparer;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.pipeline.TextWalker;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/// Prepares a request's prompt through the providers' own text models (chat completions): first
/// **translate** to English, when the request asks for it, the requested model reads English only
/// (`prompt.translate_models`) and the prompt is not English already ([PromptLanguage]); then
/// **optimise**, when the request asks for it, keeping the prompt's language. Each step uses its
/// configured system prompt.
///
/// A step asks the plan's providers that have a `text_model` and a real token (the anonymous pseudo-token
/// can't chat), in plan order, through the engine's attempt engine ([TextWalker]): the same token slots,
/// cooling rules, same-token retry and provider health as images, with at most
/// [PromptLimits#maxAttemptsPerStep()] calls per step and [PromptLimits#maxDuration()] (or the request's
/// timeout, if shorter) for the whole preparation. Answers are cached ([PromptCache]) by step, provider,
/// text model, system prompt and text, so a repeated prompt costs no call; a cache hit appears in
/// `attempts` as a `success` with message `cached`, 0 ms and no token.
///
/// Fail-open: any failure keeps the previous text, and every failed call is in the returned attempts.
/// Thread-safe; build one per application.
public final class ProviderPromptPreparer implements PromptPreparer {
    private static final Logger LOG = Logger.getLogger(ProviderPromptPreparer.class.getName());

    private final PromptConfig config;
    private final ChatCall chat;
    private final PromptCache cache;
    private final PromptLimits limits;
    private final Ledger ledger;
    private final Clock clock;

    public ProviderPromptPreparer(AppConfig config, Ledger ledger, OkHttpClient http, Clock clock, PromptCache cache) {
        this(config, ledger, http, clock, cache, PromptLimits.DEFAULT);
    }

    /// `ledger` tells whether a provider's text model has a ready token (else the keyless endpoint is used).
    public ProviderPromptPreparer(AppConfig config, Ledger ledger, OkHttpClient http, Clock clock, PromptCache cache,
                                  PromptLimits limits) {
        this.config = config.prompt();
        this.chat = new ChatCall(http, this.config.keyless());
        this.cache = cache;
        this.limits = limits;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public PreparedPrompt prepare(ImageRequest request, RoutePlan plan, TextWalker texts, EngineListener listener,
                                  CallScope scope) {
        EngineListener events = listener == null ? EngineListener.NONE : listener;
        Duration budget = request.timeout().compareTo(limits.maxDuration()) < 0 ? request.timeout()
                : limits.maxDuration();
        long t0 = System.nanoTime();
        List<AttemptRecord> attempts = new ArrayList<>();
        String text = request.prompt();
        try {
            for (PromptStep step : steps(request, plan)) {
                Duration left = budget.minusNanos(System.nanoTime() - t0);
                if (left.isNegative() || left.isZero() || (scope != null && scope.isCancelled())) {
                    break;
                }
                tokenless(plan, step, attempts, events);
                text = runStep(step, text, routesFor(plan), texts, left, attempts, events);
            }
        } catch (RuntimeException e) {
            // fail-open: a ledger or cache bug must cost the prompt rewrite, never the image
            LOG.log(Level.WARNING, "prompt preparation failed; keeping the prompt as it is", e);
        }
        return new PreparedPrompt(text, List.copyOf(attempts));
    }

    private String runStep(PromptStep step, String text, List<TextWalker.Route> routes, TextWalker texts,
                           Duration budget, List<AttemptRecord> attempts, EngineListener events) {
        String system = step.systemPrompt(config);
        for (TextWalker.Route route : routes) {
            Optional<String> hit = cache.get(key(step, route, system, text));
            if (hit.isPresent()) {
                AttemptRecord cached = new AttemptRecord(step.attemptStep(), route.provider(), route.model(), null,
                        AttemptOutcome.SUCCESS, 0, "cached", 0, null);
                attempts.add(cached);
                EngineListener.safely(events, new EngineEvent.AttemptFinished(-1, cached));
                return hit.get();
            }
        }
        if (routes.isEmpty()) {
            return text;
        }
        TextWalker.Result result = texts.walk(new TextWalker.Task(step.attemptStep(), routes,
                chat.forStep(step, system, text), limits.maxAttemptsPerStep(), budget));
        attempts.addAll(result.attempts());
        if (result.text() == null) {
            return text;
        }
        answeredBy(result.attempts(), routes).ifPresent(r -> cache.put(key(step, r, system, text), result.text()));
        return result.text();
    }

    /// The route whose attempt succeeded: the last success in the step's attempts.
    private static Optional<TextWalker.Route> answeredBy(List<AttemptRecord> attempts, List<TextWalker.Route> routes) {
        return attempts.reversed().stream().filter(AttemptRecord::succeeded).findFirst()
                .flatMap(a -> routes.stream().filter(r -> r.provider() == a.provider()).findFirst());
    }

    private static PromptCache.Key key(PromptStep step, TextWalker.Route route, String system, String text) {
        return new PromptCache.Key(step, route.provider(), route.model(), system, text);
    }

    /// The text routes of a step: the plan's providers with a text model and a real token, in plan order;
    /// when none of those tokens is ready, the keyless endpoint (when configured) after them, so the chain
    /// still says why each provider was passed over.
    private List<TextWalker.Route> routesFor(RoutePlan plan) {
        List<TextWalker.Route> routes = textRoutes(plan);
        if (!config.keyless().usable() || anyReady(routes)) {
            return routes;
        }
        List<TextWalker.Route> withKeyless = new ArrayList<>(routes);
        withKeyless.add(TextWalker.Route.keyless(config.keyless().model()));
        return List.copyOf(withKeyless);
    }

    private boolean anyReady(List<TextWalker.Route> routes) {
        var now = clock.instant();
        return routes.stream().anyMatch(r -> r.tokens().stream()
                .anyMatch(t -> ledger.state(t, r.model(), now).usable()));
    }

    /// The plan's providers with a text model and at least one real token, in plan order.
    static List<TextWalker.Route> textRoutes(RoutePlan plan) {
        List<TextWalker.Route> routes = new ArrayList<>();
        for (ProviderRoute r : plan.routes()) {
            String model = r.config().textModel();
            List<Token> tokens = r.tokens().stream().filter(t -> !t.isAnonymous()).toList();
            if (model != null && !model.isBlank() && !tokens.isEmpty()) {
                routes.add(new TextWalker.Route(r.provider(), r.config(), model, tokens));
            }
        }
        return routes;
    }

    /// A provider with a text model but only the anonymous pseudo-token is passed over, and says so.
    private static void tokenless(RoutePlan plan, PromptStep step, List<AttemptRecord> attempts,
                                  EngineListener events) {
        for (ProviderRoute r : plan.routes()) {
            String model = r.config().textModel();
            if (model != null && !model.isBlank() && r.tokens().stream().allMatch(Token::isAnonymous)) {
                AttemptRecord skip = new AttemptRecord(step.attemptStep(), r.provider(), model, null,
                        AttemptOutcome.SKIPPED, 0, "no ready token for the text model", 0, null);
                attempts.add(skip);
                EngineListener.safely(events, new EngineEvent.CandidateSkipped(-1, skip));
            }
        }
    }

    /// The steps this request needs, in order: translate (if needed), then optimise (if asked).
    List<PromptStep> steps(ImageRequest request, RoutePlan plan) {
        List<PromptStep> steps = new ArrayList<>();
        if (request.autoTranslate() && readsEnglishOnly(request, plan)
                && PromptLanguage.needsTranslation(request.prompt())) {
            steps.add(PromptStep.TRANSLATE);
        }
        if (request.optimizePrompt()) {
            steps.add(PromptStep.OPTIMIZE);
        }
        return steps;
    }

    /// Whether the requested model (given canonically or by a provider's own id) is in `translate_models`.
    private boolean readsEnglishOnly(ImageRequest request, RoutePlan plan) {
        String canonical = plan.routes().stream().flatMap(r -> r.models().stream())
                .filter(m -> m.providerModel().equals(request.model())).map(ModelCandidate::canonical)
                .findFirst().orElse(request.model());
        String wanted = canonical.toLowerCase(Locale.ROOT);
        return config.translateModels().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
