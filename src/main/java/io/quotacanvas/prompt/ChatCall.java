package io.quotacanvas.prompt;

import io.quotacanvas.config.PromptConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.TextWalker;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.openaiapi.ChatCompletions;
import io.quotacanvas.provider.openaiapi.ChatCompletions.ChatReply;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/// Asks a provider's text model for one prompt step and checks the answer: the reply must hold a usable
/// prompt ([PromptReplies]), else it is a bad response like any other. One chat client per provider, built
/// on first use from the route's config. Thread-safe; never throws.
final class ChatCall {
    private static final Logger LOG = Logger.getLogger(ChatCall.class.getName());

    private final OkHttpClient http;
    /// Real time, like the image adapters': the engine's deadlines run on it, whatever clock dates the ledger.
    private final Clock clock = Clock.systemUTC();
    private final Map<ProviderId, ChatCompletions> chats = new ConcurrentHashMap<>();
    private final ChatCompletions keyless;

    /// `keyless` is the keyless public endpoint's chat client, or null when there is none.
    ChatCall(OkHttpClient http, PromptConfig.Keyless keyless) {
        this.http = http;
        this.keyless = keyless.usable() ? ChatCompletions.keyless(keyless.url(), http, clock) : null;
    }

    /// The call of one step: `system` and `text` to whichever route the engine picks.
    TextWalker.Call forStep(PromptStep step, String system, String text) {
        return (route, token, deadline, scope) -> ask(route, token, deadline, scope, step, system, text);
    }

    private TextWalker.Reply ask(TextWalker.Route route, Token token, Instant deadline, CallScope scope,
                                 PromptStep step, String system, String text) {
        ChatReply reply;
        String name = route.isKeyless() ? "keyless" : route.provider().wireName();
        if (token != null && !token.isAnonymous() && !token.secret().sendable()) {
            return failed(Outcome.AuthFailed.unsendable());
        }
        try {
            ChatCompletions chat = route.isKeyless() ? keyless : chats.computeIfAbsent(route.provider(),
                    id -> new ChatCompletions(route.config(), http, BodyLimits.DEFAULT, clock));
            reply = chat.complete(route.model(), system, text, token, deadline, scope);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "chat client of " + name + " threw " + e.getClass().getName(), e);
            return new TextWalker.Reply.Unusable(new Outcome.BadResponse(0, "internal error in the " + name
                    + " chat client (" + e.getClass().getSimpleName() + ")"));
        }
        return switch (reply) {
            case ChatReply.Failed(Outcome.Failure f) -> failed(f);
            case ChatReply.Text(String content) -> check(content, text, step);
        };
    }

    private static TextWalker.Reply check(String content, String original, PromptStep step) {
        Optional<String> cleaned = PromptReplies.clean(content);
        String problem = cleaned.isEmpty() ? "the answer holds no usable prompt"
                : PromptReplies.problem(cleaned.get(), original, step);
        return problem == null ? new TextWalker.Reply.Text(cleaned.get())
                : new TextWalker.Reply.Unusable(new Outcome.BadResponse(200, problem));
    }

    private static TextWalker.Reply failed(Outcome.Failure f) {
        return new TextWalker.Reply.Failed(f);
    }
}
