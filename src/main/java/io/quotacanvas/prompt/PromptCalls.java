package io.quotacanvas.prompt;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.openaiapi.ChatCompletions;
import io.quotacanvas.provider.openaiapi.ChatCompletions.ChatReply;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/// Sends chat calls through each provider's own client and applies what a failed call means to its token,
/// with the image pipeline's rules: quota cools the token until the provider's reset (or its hint), a rate
/// limit rests it for a short while, an auth failure invalidates it; other failures leave the token alone
/// and the walk moves to the next provider.
///
/// Thread-safe: one chat client per provider, built on first use from the route's config.
final class PromptCalls {
    private static final Logger LOG = Logger.getLogger(PromptCalls.class.getName());

    private final Ledger ledger;
    private final OkHttpClient http;
    private final Clock clock;
    private final Map<ProviderId, ChatCompletions> chats = new ConcurrentHashMap<>();

    PromptCalls(Ledger ledger, OkHttpClient http, Clock clock) {
        this.ledger = ledger;
        this.http = http;
        this.clock = clock;
    }

    /// What a failure did to the token: whether the next token of the same provider is worth trying, and
    /// until when this one rests (null: not cooled).
    record Consequence(boolean nextToken, Instant coolingUntil) {}

    Ledger ledger() {
        return ledger;
    }

    /// Asks the route's text model; never throws (a client bug becomes a bad response).
    ChatReply ask(ProviderRoute route, String system, String user, Token token, Instant deadline, CallScope scope) {
        try {
            ChatCompletions chat = chats.computeIfAbsent(route.provider(),
                    id -> new ChatCompletions(route.config(), http, BodyLimits.DEFAULT, clock));
            return chat.complete(route.config().textModel(), system, user, token, deadline, scope);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chat client of " + route.provider() + " threw " + e.getClass().getName(), e);
            return new ChatReply.Failed(new Outcome.BadResponse(0, "internal error in the "
                    + route.provider().wireName() + " chat client (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /// Records in the ledger what `failure` means for `token` and announces it.
    Consequence apply(ProviderRoute route, Token token, Outcome.Failure failure, EngineListener listener) {
        Instant now = clock.instant();
        String model = route.config().textModel();
        return switch (failure) {
            case Outcome.QuotaExhausted q -> {
                Instant until = q.resetAt() != null && q.resetAt().isAfter(now) ? q.resetAt()
                        : route.config().quotaReset().nextAfter(now);
                yield cool(route, token, q.modelOnly() ? model : null, until, q, listener);
            }
            // the limit was seen on the text model: its image models learn their own limits by themselves
            case Outcome.RateLimited r -> cool(route, token, model, now.plus(restFor(route, r.retryAfter())), r,
                    listener);
            case Outcome.AuthFailed a -> {
                ledger.invalidate(token, a.message(), now);
                EngineListener.safely(listener, new EngineEvent.TokenInvalidated(-1, route.provider(), token.label(),
                        a.message()));
                yield new Consequence(true, null);
            }
            case Outcome.ModelUnavailable m -> new Consequence(false, null);
            case Outcome.ContentRejected c -> new Consequence(false, null);
            case Outcome.ProviderError e -> new Consequence(false, null);
            case Outcome.BadResponse e -> new Consequence(false, null);
            case Outcome.NetworkError e -> new Consequence(false, null);
            case Outcome.Timeout e -> new Consequence(false, null);
        };
    }

    private Consequence cool(ProviderRoute route, Token token, String model, Instant until, Outcome.Failure why,
                             EngineListener listener) {
        ledger.cool(token, model, until, why.failureClass(), why.message(), clock.instant());
        EngineListener.safely(listener, new EngineEvent.TokenCooled(-1, route.provider(), token.label(), until,
                why.failureClass()));
        return new Consequence(true, until);
    }

    private static Duration restFor(ProviderRoute route, Duration retryAfter) {
        return retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()
                ? retryAfter : route.config().rateLimitCooldown();
    }
}
