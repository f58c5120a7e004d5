package io.quotacanvas.prompt;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.PromptConfig;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.PromptPreparer;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/// Prepares a request's prompt through the providers' own text models (chat completions): first
/// **translate** to English, when the request asks for it, the requested model reads English only
/// (`prompt.translate_models`) and the prompt is not English already ([PromptLanguage]); then
/// **optimise**, when the request asks for it, keeping the prompt's language. Each step uses its
/// configured system prompt.
///
/// The text model is the first provider of the plan that has a `text_model` and a ready token (the
/// anonymous pseudo-token can't chat); a token failure moves to its next token, anything else to the next
/// provider, with at most [PromptLimits#maxAttemptsPerStep()] calls per step and
/// [PromptLimits#maxDuration()] (or the request's timeout, if shorter) for the whole preparation.
/// Answers are cached ([PromptCache]) by step, provider, text model, system prompt and text, so a repeated
/// prompt costs no call; a cache hit appears in `attempts` as a `success` with message `cached`, 0 ms and
/// no token.
///
/// Fail-open: any failure keeps the previous text, and every failed call is in the returned attempts.
/// Thread-safe; build one per application.
public final class ProviderPromptPreparer implements PromptPreparer {
    private static final Logger LOG = Logger.getLogger(ProviderPromptPreparer.class.getName());

    private final PromptConfig config;
    private final PromptStepRunner runner;
    private final Clock clock;
    private final PromptLimits limits;

    public ProviderPromptPreparer(AppConfig config, Ledger ledger, OkHttpClient http, Clock clock, PromptCache cache) {
        this(config, ledger, http, clock, cache, PromptLimits.DEFAULT);
    }

    public ProviderPromptPreparer(AppConfig config, Ledger ledger, OkHttpClient http, Clock clock, PromptCache cache,
                                  PromptLimits limits) {
        this.config = config.prompt();
        this.clock = clock;
        this.limits = limits;
        this.runner = new PromptStepRunner(new PromptCalls(ledger, http, clock), cache, clock,
                limits.maxAttemptsPerStep());
    }

    @Override
    public PreparedPrompt prepare(ImageRequest request, RoutePlan plan, EngineListener listener, CallScope scope) {
        EngineListener events = listener == null ? EngineListener.NONE : listener;
        CallScope live = scope == null ? new CallScope() : scope;
        Duration budget = request.timeout().compareTo(limits.maxDuration()) < 0 ? request.timeout()
                : limits.maxDuration();
        Instant deadline = clock.instant().plus(budget);
        List<AttemptRecord> attempts = new ArrayList<>();
        String text = request.prompt();
        try {
            for (PromptStep step : steps(request, plan)) {
                text = runner.run(new PromptStepRunner.Work(step, step.systemPrompt(config), text, plan, deadline, live,
                        events, attempts));
            }
        } catch (RuntimeException e) {
            // fail-open: a ledger or cache bug must cost the prompt rewrite, never the image
            LOG.log(Level.WARNING, "prompt preparation failed; keeping the prompt as it is", e);
        }
        return new PreparedPrompt(text, List.copyOf(attempts));
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
