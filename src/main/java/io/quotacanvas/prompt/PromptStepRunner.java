package io.quotacanvas.prompt;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.openaiapi.ChatCompletions.ChatReply;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/// Runs one prompt step (translate or optimise) over the plan's text models: first any provider's cached
/// answer, then the providers in plan order, each through its tokens in rotation order (cooling, invalid
/// and anonymous tokens skipped), under the step's attempt cap and the preparation's deadline.
///
/// A token failure moves to the next token (quota and rate limits cool it, auth invalidates it, exactly
/// as for images); any other failure moves to the next provider. Fail-open: when nothing succeeds the
/// input text comes back unchanged. Every attempt is added to the sink and announced (image index -1).
/// Thread-safe if its collaborators are; one call per step.
final class PromptStepRunner {
    private final PromptCalls calls;
    private final PromptCache cache;
    private final Clock clock;
    private final int maxAttempts;

    PromptStepRunner(PromptCalls calls, PromptCache cache, Clock clock, int maxAttempts) {
        this.calls = calls;
        this.cache = cache;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    /// The work of one step: what it needs and where its attempts go.
    record Work(PromptStep step, String system, String text, RoutePlan plan, Instant deadline, CallScope scope,
                EngineListener listener, List<AttemptRecord> sink) {

        void add(AttemptRecord record) {
            sink.add(record);
            EngineListener.safely(listener, new EngineEvent.AttemptFinished(-1, record));
        }

        void skip(AttemptRecord record) {
            sink.add(record);
            EngineListener.safely(listener, new EngineEvent.CandidateSkipped(-1, record));
        }

        boolean outOfTime(Instant now) {
            return scope.isCancelled() || !now.isBefore(deadline);
        }
    }

    /// What an attempt decided: try the provider's next token, the next provider, or stop (`text` null
    /// when stopping without a usable answer).
    private sealed interface Next {
        record NextToken() implements Next {}

        record NextProvider() implements Next {}

        record Done(String text) implements Next {}
    }

    private static final Next NEXT_TOKEN = new Next.NextToken();
    private static final Next NEXT_PROVIDER = new Next.NextProvider();
    private static final Next GIVE_UP = new Next.Done(null);

    /// The step's output text, or `work.text()` when no text model produced a usable one.
    String run(Work work) {
        List<ProviderRoute> routes = textRoutes(work.plan());
        Optional<String> cached = fromCache(work, routes);
        if (cached.isPresent()) {
            return cached.get();
        }
        Walk walk = new Walk(work);
        for (ProviderRoute route : routes) {
            if (walk.tryProvider(route) instanceof Next.Done(String text)) {
                return text != null ? text : work.text();
            }
        }
        return work.text();
    }

    /// Routes whose provider has a text model, once per provider, in plan order.
    static List<ProviderRoute> textRoutes(RoutePlan plan) {
        return plan.routes().stream().filter(r -> hasTextModel(r.config())).toList();
    }

    private static boolean hasTextModel(ProviderConfig config) {
        return config.textModel() != null && !config.textModel().isBlank();
    }

    private Optional<String> fromCache(Work work, List<ProviderRoute> routes) {
        for (ProviderRoute route : routes) {
            Optional<String> hit = cache.get(key(work, route));
            if (hit.isPresent()) {
                work.add(new AttemptRecord(work.step().attemptStep(), route.provider(), route.config().textModel(), null,
                        AttemptOutcome.SUCCESS, 0, "cached", 0, null));
                return hit;
            }
        }
        return Optional.empty();
    }

    private static PromptCache.Key key(Work work, ProviderRoute route) {
        return new PromptCache.Key(work.step(), route.provider(), route.config().textModel(), work.system(),
                work.text());
    }

    /// One run's walk over the providers; confined to the calling thread.
    private final class Walk {
        private final Work work;
        private int attempts;

        Walk(Work work) {
            this.work = work;
        }

        Next tryProvider(ProviderRoute route) {
            String model = route.config().textModel();
            boolean triedAny = false;
            for (Token token : route.tokens()) {
                Instant now = clock.instant();
                if (work.outOfTime(now) || attempts >= maxAttempts) {
                    return GIVE_UP;
                }
                // the anonymous pseudo-token reaches public Spaces only; chat needs a real token
                if (token.isAnonymous() || !calls.ledger().state(token, model, now).usable()) {
                    continue;
                }
                triedAny = true;
                attempts++;
                Next next = attempt(route, token);
                if (!(next instanceof Next.NextToken)) {
                    return next;
                }
            }
            if (!triedAny) {
                work.skip(new AttemptRecord(work.step().attemptStep(), route.provider(), model, null,
                        AttemptOutcome.SKIPPED, 0, "no ready token for the text model", 0, null));
            }
            return NEXT_PROVIDER;
        }

        private Next attempt(ProviderRoute route, Token token) {
            EngineListener.safely(work.listener(), new EngineEvent.AttemptStarted(-1, work.step().attemptStep(),
                    route.provider(), route.config().textModel(), token.label()));
            long t0 = System.nanoTime();
            ChatReply reply = calls.ask(route, work.system(), work.text(), token, work.deadline(), work.scope());
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            Outcome.Failure failure;
            if (reply instanceof ChatReply.Failed(Outcome.Failure f)) {
                failure = f;
            } else {
                Optional<String> cleaned = PromptReplies.clean(((ChatReply.Text) reply).content());
                String problem = cleaned.isEmpty() ? "the answer holds no usable prompt"
                        : PromptReplies.problem(cleaned.get(), work.text(), work.step());
                if (problem == null) {
                    work.add(record(work, route, token, AttemptOutcome.SUCCESS, 200, "ok", elapsed, null));
                    cache.put(key(work, route), cleaned.get());
                    return new Next.Done(cleaned.get());
                }
                failure = new Outcome.BadResponse(200, problem);
            }
            PromptCalls.Consequence c = calls.apply(route, token, failure, work.listener());
            work.add(record(work, route, token, AttemptOutcome.of(failure.failureClass()), failure.httpStatus(),
                    failure.message(), elapsed, c.coolingUntil()));
            return c.nextToken() ? NEXT_TOKEN : NEXT_PROVIDER;
        }
    }

    private static AttemptRecord record(Work work, ProviderRoute route, Token token, AttemptOutcome outcome, int status,
                                        String message, long elapsedMs, Instant coolingUntil) {
        return new AttemptRecord(work.step().attemptStep(), route.provider(), route.config().textModel(),
                token.label(), outcome, status, message, elapsedMs, coolingUntil);
    }
}
