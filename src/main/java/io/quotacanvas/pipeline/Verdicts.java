package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.RoutingConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/// What an attempt's outcome means — one cooling policy for images and prompt work alike: it writes the
/// token's, model's and provider's new state to the ledger (best-effort writes: a failing ledger never
/// costs an image already made) and the health table, records the attempt with its cooling instant,
/// announces each decision, and says where the job goes next.
/// Confined to the dispatcher's thread.
final class Verdicts {
    private final RoutingConfig routing;
    private final Ledger ledger;
    private final ProviderHealth health;

    Verdicts(RoutingConfig routing, Ledger ledger, ProviderHealth health) {
        this.routing = routing;
        this.ledger = ledger;
        this.health = health;
    }

    /// Where a job goes after a failed attempt.
    enum Next {
        /// the same lane and model, its next token
        NEXT_TOKEN,
        /// the lane's next model
        NEXT_MODEL,
        /// the job's next lane
        NEXT_LANE,
        /// one more try on the same token, then the provider counts as failing
        RETRY_SAME_TOKEN,
        /// the provider is failing: it rests and the job moves on
        PROVIDER_DOWN,
        /// the job ends with this failure
        STOP
    }

    LedgerView view(Instant now) {
        return new LedgerView(ledger, now);
    }

    Optional<Instant> downUntil(Lane lane, CallKind kind, Instant now) {
        return health.downUntil(lane.provider(), kind, now);
    }

    boolean isDown(Candidate c, CallKind kind, Instant now) {
        return health.downUntil(c.lane().provider(), kind, now).isPresent();
    }

    /// Records `failure` for the flight's job and applies what it means.
    Next failed(Flight flight, Outcome.Failure failure, long elapsedMs, Instant now) {
        Job job = flight.job;
        Candidate c = flight.candidate();
        ProviderConfig config = c.lane().config();
        return switch (failure) {
            case Outcome.QuotaExhausted q -> cool(flight, failure, elapsedMs, q.modelOnly(),
                    config == null ? null : Cooling.quotaUntil(config, q.resetAt(), now), now);
            case Outcome.RateLimited r -> cool(flight, failure, elapsedMs, job.kind == CallKind.TEXT,
                    config == null ? null : Cooling.rateLimitUntil(config, r.retryAfter(), now), now);
            // refused for this model only (a Gitee resource package, a restricted ModelScope model): the
            // token × model rests until the provider's next reset, the token stays good for other models
            case Outcome.AuthFailed a when a.modelOnly() && config != null -> cool(flight, failure, elapsedMs, true,
                    Cooling.quotaUntil(config, null, now), now);
            case Outcome.AuthFailed a -> {
                record(flight, failure, elapsedMs, null);
                if (c.token() != null && !c.token().isAnonymous()) {
                    ledger.invalidate(c.token(), a.message(), now);
                    job.emit(new EngineEvent.TokenInvalidated(job.index, c.lane().provider(), c.tokenLabel(),
                            a.message()));
                }
                yield c.token() == null ? Next.NEXT_LANE : Next.NEXT_TOKEN;
            }
            case Outcome.ModelUnavailable m -> {
                Instant until = now.plus(routing.modelUnavailableSkip());
                record(flight, failure, elapsedMs, until);
                if (!c.lane().keyless()) {
                    ledger.markModelUnavailable(c.lane().provider(), c.model().canonical(), until, m.message(), now);
                }
                yield Next.NEXT_MODEL;
            }
            case Outcome.ContentRejected r -> {
                record(flight, failure, elapsedMs, null);
                yield routing.stopOnContentRejected() || job.kind == CallKind.TEXT ? Next.STOP : Next.NEXT_LANE;
            }
            case Outcome.ProviderError e -> retryOrDown(flight, failure, elapsedMs);
            case Outcome.BadResponse e -> retryOrDown(flight, failure, elapsedMs);
            case Outcome.NetworkError e -> retryOrDown(flight, failure, elapsedMs);
            case Outcome.Timeout e -> {
                record(flight, failure, elapsedMs, null);
                yield Next.PROVIDER_DOWN;
            }
        };
    }

    /// A quick failure gets the same-token retry; one after waiting as long as a hang counts like a timeout.
    private Next retryOrDown(Flight flight, Outcome.Failure failure, long elapsedMs) {
        boolean hang = failure instanceof Outcome.NetworkError
                && Duration.ofMillis(elapsedMs).compareTo(routing.hangAfter()) >= 0;
        String message = hang ? failure.message() + " (after " + elapsedMs / 1000 + " s: counted as a hang)"
                : failure.message();
        flight.job.record(flight.job.attempt(flight.candidate(), AttemptOutcome.of(failure.failureClass()),
                failure.httpStatus(), message, elapsedMs, null));
        return hang ? Next.PROVIDER_DOWN : Next.RETRY_SAME_TOKEN;
    }

    /// Quota or rate limit: the token rests until `until` — token-wide, or for this model only.
    private Next cool(Flight flight, Outcome.Failure why, long elapsedMs, boolean modelOnly, Instant until,
                      Instant now) {
        Job job = flight.job;
        Candidate c = flight.candidate();
        record(flight, why, elapsedMs, until);
        if (c.token() == null || until == null) {
            return Next.NEXT_LANE; // the keyless endpoint has no token to rest
        }
        ledger.cool(c.token(), modelOnly ? c.model().canonical() : null, until, why.failureClass(), why.message(),
                now);
        job.emit(new EngineEvent.TokenCooled(job.index, c.lane().provider(), c.tokenLabel(), until,
                why.failureClass()));
        return Next.NEXT_TOKEN;
    }

    /// The attempt succeeded: the token is fine, the provider is up, and what it said of its quota is kept.
    void succeeded(Flight flight, Reply.Answer answer, Instant now) {
        Candidate c = flight.candidate();
        health.markUp(c.lane().provider(), flight.job.kind);
        if (c.token() == null) {
            return;
        }
        ledger.markSuccess(c.token(), c.model().canonical(), now);
        noteQuota(flight, answer.quota(), now);
    }

    /// Keeps the provider's remaining-quota figures and, when they reached zero, cools the token (or token ×
    /// model) before it fails, until the provider's next reset.
    private void noteQuota(Flight flight, QuotaSnapshot quota, Instant now) {
        Candidate c = flight.candidate();
        if (quota == null || quota.isEmpty() || c.lane().config() == null) {
            return;
        }
        ledger.recordQuota(c.token(), c.model().canonical(), quota, now);
        if (!quota.accountSpent() && !quota.modelSpent()) {
            return;
        }
        Instant until = Cooling.quotaUntil(c.lane().config(), null, now);
        String what = quota.accountSpent() ? "daily request quota" : "daily quota for " + c.model().canonical();
        ledger.cool(c.token(), quota.accountSpent() ? null : c.model().canonical(), until,
                FailureClass.QUOTA_EXHAUSTED, "provider reports 0 remaining of the " + what, now);
        flight.job.emit(new EngineEvent.TokenCooled(flight.job.index, c.lane().provider(), c.tokenLabel(), until,
                FailureClass.QUOTA_EXHAUSTED));
    }

    /// The provider rests for `routing.provider_cooldown`; announced once.
    void markDown(Flight flight, String reason, Instant now) {
        Candidate c = flight.candidate();
        Instant until = now.plus(routing.providerCooldown());
        if (health.markDown(c.lane().provider(), flight.job.kind, until, now)) {
            flight.job.emit(new EngineEvent.ProviderMarkedDown(flight.job.index, c.lane().provider(), until, reason));
        }
    }

    private void record(Flight flight, Outcome.Failure failure, long elapsedMs, Instant coolingUntil) {
        flight.job.record(flight.job.attempt(flight.candidate(), AttemptOutcome.of(failure.failureClass()),
                failure.httpStatus(), failure.message(), elapsedMs, coolingUntil));
    }

}
