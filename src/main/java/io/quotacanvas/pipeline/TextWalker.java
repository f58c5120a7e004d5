package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.CallScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/// The engine's attempt engine, lent to prompt work: a text call walks its routes with the same token
/// slots, cooling rules, same-token retry, provider health and caps as an image, and its attempts are
/// announced batch-wide (image index -1). Bound to one run's listener and cancellation scope.
@FunctionalInterface
public interface TextWalker {

    /// Blocks until the step has an answer or has given up; never throws.
    Result walk(Task task);

    /// One prompt step: ask `routes` in order (their tokens in order) with `call`, at most `maxAttempts`
    /// requests within `budget`.
    record Task(AttemptStep step, List<Route> routes, Call call, int maxAttempts, Duration budget) {}

    /// A text model to ask: a provider's `model` with its `tokens`, or — `provider` and `config` null — the
    /// keyless public endpoint, which takes no token.
    record Route(ProviderId provider, ProviderConfig config, String model, List<Token> tokens) {

        public static Route keyless(String model) {
            return new Route(null, null, model, List.of());
        }

        public boolean isKeyless() {
            return provider == null;
        }
    }

    /// Sends one chat request and checks the reply. Must not throw; `token` is null on the keyless route.
    @FunctionalInterface
    interface Call {
        Reply ask(Route route, Token token, Instant deadline, CallScope scope);
    }

    /// A usable text, the provider's failure, or an answer we can't use (a refusal, an essay, a "translation"
    /// still in the source language): that is no fault of the provider's, so it is neither retried nor held
    /// against the provider; the step moves to its next route.
    sealed interface Reply {
        record Text(String text) implements Reply {}

        record Failed(Outcome.Failure failure) implements Reply {}

        record Unusable(Outcome.Failure failure) implements Reply {}
    }

    /// The answer (null when no route gave a usable one) and every attempt it took.
    record Result(String text, List<AttemptRecord> attempts) {}
}
