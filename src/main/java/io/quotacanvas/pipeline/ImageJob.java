package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.ledger.LedgerException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// One image's walk through the plan, as composed steps: same-token retry ([AttemptRunner]) → next token
/// → next model → next provider, each step deciding what its failure means, under hard caps on attempts
/// and time. Runs on the image's own thread.
final class ImageJob {

    /// What a step decided: keep going at the next level, or the image is finished.
    private sealed interface Step {
        record NextToken() implements Step {}

        record NextModel() implements Step {}

        record NextProvider() implements Step {}

        record Done(ImageResult result) implements Step {}
    }

    private static final Step NEXT_TOKEN = new Step.NextToken();
    private static final Step NEXT_MODEL = new Step.NextModel();
    private static final Step NEXT_PROVIDER = new Step.NextProvider();

    private final EngineContext ctx;
    private final ImageRequest request;
    private final RoutePlan plan;
    private final JobState job;
    private final AttemptRunner runner;
    private final ImageStorer storer;
    private final long seed;
    private final long startNanos = System.nanoTime();
    private Outcome.Failure lastFailure;

    ImageJob(EngineContext ctx, ImageRequest request, RoutePlan plan, JobState job, ImageStorer storer, long seed) {
        this.ctx = ctx;
        this.request = request;
        this.plan = plan;
        this.job = job;
        this.runner = new AttemptRunner(ctx, job);
        this.storer = storer;
        this.seed = seed;
    }

    ImageResult run() {
        try {
            return walk();
        } catch (LedgerException e) {
            // the ledger can't say which token may be used (its database went down, say): stop, classified
            return Failures.failed(job, request, "storage_error", e.getMessage(), elapsedMs());
        }
    }

    private ImageResult walk() {
        job.emit(new EngineEvent.ImageStarted(job.index(), seed));
        plan.skipped().forEach(job::add);
        for (ProviderRoute route : plan.routesFor(job.index())) {
            Step step = tryProvider(route);  // NextModel/NextToken never escape a provider
            if (step instanceof Step.Done(ImageResult result)) {
                return result;
            }
        }
        return Failures.exhausted(job, request, lastFailure, elapsedMs());
    }

    private Step tryProvider(ProviderRoute route) {
        Instant now = ctx.clock().instant();
        var down = ctx.health().downUntil(route.provider(), now);
        if (down.isPresent()) {
            job.skip(route.provider(), route.models().getFirst().canonical(), null,
                    "provider down after repeated failures", down.get());
            return NEXT_PROVIDER;
        }
        for (ModelCandidate model : route.models()) {
            var unavailable = ctx.ledger().modelUnavailableUntil(route.provider(), model.canonical(), now);
            if (unavailable.isPresent()) {
                job.skip(route.provider(), model.canonical(), null, "model unavailable on this provider",
                        unavailable.get());
                continue;
            }
            Step step = tryModel(route, model);
            if (!(step instanceof Step.NextModel)) {
                return step;
            }
        }
        return NEXT_PROVIDER;
    }

    /// Next token until one succeeds or none is left for this model.
    private Step tryModel(ProviderRoute route, ModelCandidate model) {
        Set<String> tried = new HashSet<>();
        Set<String> reported = new HashSet<>();
        GenerationSettings settings = settingsFor(route.config(), model);
        while (true) {
            Step limit = checkLimits();
            if (limit != null) {
                return limit;
            }
            List<Token> ready = readyTokens(route, model, tried, reported);
            if (ready.isEmpty()) {
                return NEXT_MODEL;
            }
            TokenSlots.Lease lease = lease(route, ready);
            if (lease == null) {
                Step limitAfterWait = checkLimits();
                return limitAfterWait != null ? limitAfterWait : NEXT_PROVIDER;
            }
            Step step;
            try {
                if (!ctx.ledger().state(lease.token(), model.canonical(), ctx.clock().instant()).usable()) {
                    continue; // cooled by another image while we waited for it
                }
                tried.add(lease.token().fingerprint());
                AttemptRunner.Run run = runner.runWithRetry(route, model, lease.token(), settings);
                step = decide(route, model, lease.token(), settings, run);
            } finally {
                ctx.slots().release(lease);
            }
            if (!(step instanceof Step.NextToken)) {
                return step;
            }
        }
    }

    private Step checkLimits() {
        Instant now = ctx.timer().instant();
        if (job.scope().isCancelled()) {
            return new Step.Done(Failures.cancelled(job, request, job.scope().cancelReason(), elapsedMs()));
        }
        if (!job.timeLeft(now)) {
            return new Step.Done(Failures.timedOut(job, request, elapsedMs()));
        }
        if (!job.attemptsLeft()) {
            return new Step.Done(Failures.capped(job, request, lastFailure, elapsedMs()));
        }
        return null;
    }

    private TokenSlots.Lease lease(ProviderRoute route, List<Token> ready) {
        try {
            return ctx.slots().acquire(ready, job.deadline(), () -> job.scope().isCancelled()
                    || ctx.health().isDown(route.provider(), ctx.clock().instant()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.scope().cancel("interrupted");
            return null;
        }
    }

    /// Tokens not yet tried for this model and ready in the ledger, rotated so image i prefers token i.
    private List<Token> readyTokens(ProviderRoute route, ModelCandidate model, Set<String> tried,
                                    Set<String> reported) {
        Instant now = ctx.clock().instant();
        List<Token> all = route.tokens();
        List<Token> ready = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Token t = all.get(Math.floorMod(job.index() + k, all.size()));
            if (tried.contains(t.fingerprint())) {
                continue;
            }
            TokenState state = ctx.ledger().state(t, model.canonical(), now);
            if (state.usable()) {
                ready.add(t);
            } else if (reported.add(t.fingerprint())) {
                reportUnusable(route, model, t, state);
            }
        }
        // the anonymous pseudo-token is a last resort, whatever the rotation
        ready.sort((a, b) -> Boolean.compare(a.isAnonymous(), b.isAnonymous()));
        return ready;
    }

    private void reportUnusable(ProviderRoute route, ModelCandidate model, Token t, TokenState state) {
        switch (state) {
            case TokenState.Cooling c -> job.skip(route.provider(), model.canonical(), t,
                    "cooling (" + c.reason().wireName() + ")", c.until());
            case TokenState.Invalid i -> job.skip(route.provider(), model.canonical(), t,
                    "invalid: " + i.message(), null);
            case TokenState.Ready r -> { }
        }
    }

    /// What one attempt's outcome means for the token, the model, the provider and the image.
    private Step decide(ProviderRoute route, ModelCandidate model, Token token, GenerationSettings settings,
                        AttemptRunner.Run run) {
        Instant now = ctx.clock().instant();
        var consequences = new Consequences(ctx, job, route, token);
        return switch (run.outcome()) {
            case Outcome.Success s -> {
                AttemptRecord ok = job.record(route.provider(), model.canonical(), token, run, null);
                ctx.ledger().markSuccess(token, model.canonical(), now);
                consequences.noteQuota(model, s.quota());
                ctx.health().markUp(route.provider());
                yield new Step.Done(storer.store(job, request, route, model, settings, s, ok, elapsedMs()));
            }
            case Outcome.QuotaExhausted q -> {
                lastFailure = q;
                consequences.coolToken(model, run, Cooling.quotaUntil(route.config(), q.resetAt(), now), q,
                        q.modelOnly());
                yield NEXT_TOKEN;
            }
            case Outcome.RateLimited r -> {
                lastFailure = r;
                consequences.coolToken(model, run, Cooling.rateLimitUntil(route.config(), r.retryAfter(), now), r,
                        false);
                yield NEXT_TOKEN;
            }
            case Outcome.AuthFailed a -> {
                lastFailure = a;
                consequences.invalidate(model, run, a);
                yield NEXT_TOKEN;
            }
            case Outcome.ModelUnavailable m -> {
                lastFailure = m;
                consequences.modelUnavailable(model, run, now.plus(Cooling.MODEL_UNAVAILABLE), m);
                yield NEXT_MODEL;
            }
            case Outcome.ContentRejected c -> {
                lastFailure = c;
                job.record(route.provider(), model.canonical(), token, run, null);
                yield ctx.config().routing().stopOnContentRejected()
                        ? new Step.Done(Failures.rejected(job, request, c, elapsedMs())) : NEXT_PROVIDER;
            }
            case Outcome.ProviderError e -> providerFailed(route, model, token, run, e, consequences);
            case Outcome.BadResponse e -> providerFailed(route, model, token, run, e, consequences);
            case Outcome.NetworkError e -> providerFailed(route, model, token, run, e, consequences);
            case Outcome.Timeout e -> providerFailed(route, model, token, run, e, consequences);
        };
    }

    private Step providerFailed(ProviderRoute route, ModelCandidate model, Token token, AttemptRunner.Run run,
                                Outcome.Failure failure, Consequences consequences) {
        lastFailure = failure;
        job.record(route.provider(), model.canonical(), token, run, null);
        if (job.scope().isCancelled()) {
            return new Step.Done(Failures.cancelled(job, request, job.scope().cancelReason(), elapsedMs()));
        }
        if (!(failure instanceof Outcome.NetworkError n && n.isCancellation())) {
            consequences.markProviderDown(failure);
        }
        return NEXT_PROVIDER;
    }

    private GenerationSettings settingsFor(ProviderConfig provider, ModelCandidate model) {
        ModelDefaults.Defaults d = ModelDefaults.of(model.canonical());
        int steps = request.steps() != null ? request.steps() : d.steps();
        Double guidance = request.guidanceScale() != null ? request.guidanceScale() : d.guidanceScale();
        return new GenerationSettings(job.promptFinal(), request.aspectRatio(),
                request.aspectRatio().size(request.enableHd(), provider.hdScale()), seed, steps, guidance,
                request.enableHd());
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
