package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.ProviderCall;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/// Runs one provider attempt for one image, with the single same-token retry that provider, network and
/// bad-response failures get, and emits the attempt events. Not thread-safe: one per image job.
final class AttemptRunner {
    private static final Logger LOG = Logger.getLogger(AttemptRunner.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 250;

    private final EngineContext ctx;
    private final JobState job;

    AttemptRunner(EngineContext ctx, JobState job) {
        this.ctx = ctx;
        this.job = job;
    }

    /// What an attempt came to and how long it took.
    record Run(Outcome outcome, long elapsedMs) {}

    /// One attempt plus, for a retryable failure, one more on the same token while time, caps and the
    /// provider's health allow. Every attempt but the last is recorded here; the caller records the last
    /// (it knows the cooling instant).
    Run runWithRetry(ProviderRoute route, ModelCandidate model, Token token, GenerationSettings settings) {
        Run run = runOnce(route, model, token, settings);
        if (!isRetryable(run.outcome()) || !job.mayAttemptAgain(ctx.timer().instant())
                || ctx.health().isDown(route.provider(), ctx.clock().instant())) {
            return run;
        }
        job.record(route.provider(), model.canonical(), token, run, null);
        if (!pause()) {
            return run;
        }
        return runOnce(route, model, token, settings);
    }

    private Run runOnce(ProviderRoute route, ModelCandidate model, Token token, GenerationSettings settings) {
        ImageProvider provider = ctx.providers().get(route.provider());
        job.countAttempt();
        job.emit(new EngineEvent.AttemptStarted(job.index(), AttemptStep.GENERATE, route.provider(), model.canonical(),
                token.label()));
        Instant perCall = ctx.timer().instant().plus(route.config().timeouts().overall());
        Instant deadline = perCall.isBefore(job.deadline()) ? perCall : job.deadline();
        CallScope scope = ctx.health().enter(route.provider(), job.scope());
        long t0 = System.nanoTime();
        Outcome outcome;
        try {
            outcome = provider.generate(new ProviderCall(model.canonical(), model.providerModel(), settings, token,
                    deadline, scope));
        } catch (RuntimeException e) {
            // an adapter bug must not take the batch down; it is logged (without secrets) and classified
            LOG.log(Level.WARNING, "adapter " + route.provider() + " threw " + e.getClass().getName(), e);
            outcome = new Outcome.BadResponse(0, "internal error in the " + route.provider().wireName()
                    + " adapter (" + e.getClass().getSimpleName() + ")");
        } finally {
            ctx.health().exit(route.provider(), job.scope(), scope);
        }
        if (outcome == null) {
            outcome = new Outcome.BadResponse(0, route.provider().wireName() + " adapter returned no outcome");
        }
        return new Run(outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private boolean isRetryable(Outcome outcome) {
        if (job.scope().isCancelled()) {
            return false;
        }
        return switch (outcome) {
            case Outcome.ProviderError e -> true;
            case Outcome.BadResponse e -> true;
            case Outcome.NetworkError e -> !e.isCancellation();
            case Outcome.Success s -> false;
            case Outcome.QuotaExhausted q -> false;
            case Outcome.RateLimited r -> false;
            case Outcome.AuthFailed a -> false;
            case Outcome.ModelUnavailable m -> false;
            case Outcome.ContentRejected c -> false;
            case Outcome.Timeout t -> false;
        };
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            return !job.scope().isCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static AttemptRecord toRecord(Run run, io.quotacanvas.core.ProviderId provider, String model, Token token,
                                  Instant coolingUntil) {
        Outcome o = run.outcome();
        if (o instanceof Outcome.Success s) {
            return new AttemptRecord(AttemptStep.GENERATE, provider, model, token.label(), AttemptOutcome.SUCCESS,
                    s.httpStatus(), "ok", run.elapsedMs(), null);
        }
        Outcome.Failure f = (Outcome.Failure) o;
        return new AttemptRecord(AttemptStep.GENERATE, provider, model, token.label(), AttemptOutcome.of(f.failureClass()),
                f.httpStatus(), f.message(), run.elapsedMs(), coolingUntil);
    }
}
