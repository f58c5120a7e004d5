package io.quotacanvas.pipeline;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import java.time.Instant;

/// Applies what a failed attempt means to the ledger and the provider's health, records the attempt with
/// its cooling instant, and announces each decision as an event.
final class Consequences {
    private final EngineContext ctx;
    private final JobState job;
    private final ProviderRoute route;
    private final Token token;

    Consequences(EngineContext ctx, JobState job, ProviderRoute route, Token token) {
        this.ctx = ctx;
        this.job = job;
        this.route = route;
        this.token = token;
    }

    /// Quota or rate limit: the token rests until `until` — token-wide, or only for this model when the
    /// provider said only the model's cap is spent.
    void coolToken(ModelCandidate model, AttemptRunner.Run run, Instant until, Outcome.Failure why,
                   boolean modelOnly) {
        job.record(route.provider(), model.canonical(), token, run, until);
        ctx.ledger().cool(token, modelOnly ? model.canonical() : null, until, why.failureClass(), why.message(),
                ctx.clock().instant());
        job.emit(new EngineEvent.TokenCooled(job.index(), route.provider(), token.label(), until,
                why.failureClass()));
    }

    /// After a success: keeps the provider's remaining-quota figures and, when they reached zero, cools the
    /// token (or token × model) before it fails, until the provider's next reset.
    void noteQuota(ModelCandidate model, QuotaSnapshot quota) {
        if (quota == null || quota.isEmpty()) {
            return;
        }
        Instant now = ctx.clock().instant();
        ctx.ledger().recordQuota(token, model.canonical(), quota, now);
        if (!quota.accountSpent() && !quota.modelSpent()) {
            return;
        }
        Instant until = Cooling.quotaUntil(route.config(), null, now);
        String what = quota.accountSpent() ? "daily request quota" : "daily quota for " + model.canonical();
        ctx.ledger().cool(token, quota.accountSpent() ? null : model.canonical(), until, FailureClass.QUOTA_EXHAUSTED,
                "provider reports 0 remaining of the " + what, now);
        job.emit(new EngineEvent.TokenCooled(job.index(), route.provider(), token.label(), until,
                FailureClass.QUOTA_EXHAUSTED));
    }

    /// Auth failure: the token is invalid until it changes or a test succeeds.
    void invalidate(ModelCandidate model, AttemptRunner.Run run, Outcome.AuthFailed why) {
        job.record(route.provider(), model.canonical(), token, run, null);
        ctx.ledger().invalidate(token, why.message(), ctx.clock().instant());
        job.emit(new EngineEvent.TokenInvalidated(job.index(), route.provider(), token.label(), why.message()));
    }

    /// The provider doesn't serve this model: skip it there (for every token) until `until`.
    void modelUnavailable(ModelCandidate model, AttemptRunner.Run run, Instant until, Outcome.ModelUnavailable why) {
        job.record(route.provider(), model.canonical(), token, run, until);
        ctx.ledger().markModelUnavailable(route.provider(), model.canonical(), until, why.message(),
                ctx.clock().instant());
    }

    /// The provider kept failing: skip it for the configured cooldown and cancel its calls in flight.
    void markProviderDown(Outcome.Failure why) {
        Instant now = ctx.clock().instant();
        Instant until = now.plus(ctx.config().routing().providerCooldown());
        if (ctx.health().markDown(route.provider(), until, now, why.failureClass().wireName())) {
            ctx.slots().wakeAll();
            job.emit(new EngineEvent.ProviderMarkedDown(job.index(), route.provider(), until,
                    why.failureClass().wireName() + ": " + why.message()));
        }
    }
}
