package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.Timeouts;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// A provider's OpenAI-compatible chat endpoint (`POST {base}/chat/completions`), used to optimise and
/// translate prompts. Non-2xx answers are classified with the same rules as image calls.
///
/// Thread-safe; build one per provider.
public final class ChatCompletions {
    private static final OpenAiFailures.Dialect DIALECT = new OpenAiFailures.Dialect(
            "the token may not use this chat model");

    /// The chat answer's cleaned text, or the failure that prevented one.
    public sealed interface ChatReply {
        record Text(String content) implements ChatReply {}

        record Failed(Outcome.Failure failure) implements ChatReply {}
    }

    private final ProviderConfig config;
    private final ProviderHttp http;
    /// The base URL is the chat endpoint itself (a keyless public endpoint), not a root to add a path to.
    private final boolean exactEndpoint;

    public ChatCompletions(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    public ChatCompletions(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        this(config, base, limits, clock, false);
    }

    private ChatCompletions(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock,
                            boolean exactEndpoint) {
        this.config = config;
        this.http = new ProviderHttp(config, base, limits, clock);
        this.exactEndpoint = exactEndpoint;
    }

    /// A keyless public chat endpoint (Pollinations' OpenAI-compatible chat, say): `endpoint` is posted to
    /// as it is, without a token.
    public static ChatCompletions keyless(URI endpoint, OkHttpClient base, Clock clock) {
        ProviderConfig config = new ProviderConfig(ProviderId.OPENAI_COMPATIBLE, true, endpoint, List.of(), Map.of(),
                null, null, KEYLESS_TIMEOUTS, null, null, 1, null, false, Map.of());
        return new ChatCompletions(config, base, BodyLimits.DEFAULT, clock, true);
    }

    private static final Timeouts KEYLESS_TIMEOUTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(30));

    /// Asks the config's `textModel`; see [#complete(String, String, String, Token, Instant, CallScope)].
    public ChatReply complete(String system, String user, Token token, Instant deadline, CallScope scope) {
        return complete(config.textModel(), system, user, token, deadline, scope);
    }

    /// Sends one system + user message to `model` and waits for the answer until `deadline` (null: only
    /// the configured timeouts); cancelling `scope` ends the call. Never throws for I/O.
    public ChatReply complete(String model, String system, String user, Token token, Instant deadline,
                              CallScope scope) {
        Request request = exactEndpoint ? buildRequest(config, ProviderHttp.baseUrl(config), model, system, user, token)
                : buildRequest(config, model, system, user, token);
        Exchange exchange = http.execute(request, scope, deadline, http.limits().jsonBytes());
        ChatReply reply = switch (exchange) {
            case Exchange.Failed f -> new ChatReply.Failed(f.failure());
            case Exchange.Reply r when !r.isSuccessful() -> new ChatReply.Failed(
                    OpenAiFailures.classify(r.status(), r.headers(), r.text(), http.clock().instant(), DIALECT));
            case Exchange.Reply r -> parseReply(r.status(), r.text());
        };
        return reply instanceof ChatReply.Failed(Outcome.Failure f)
                ? new ChatReply.Failed(BearerAuth.redact(f, token)) : reply;
    }

    /// `POST {base}/chat/completions` `{model, messages:[system,user], stream:false}`. Pure.
    public static Request buildRequest(ProviderConfig config, String model, String system, String user,
                                       Token token) {
        return buildRequest(config, ProviderHttp.endpoint(config, chatPath(config)), model, system, user, token);
    }

    private static Request buildRequest(ProviderConfig config, HttpUrl url, String model, String system,
                                        String user, Token token) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        body.put("stream", false);
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json")
                .post(RequestBody.create(Json.MAPPER.writeValueAsBytes(body), OpenAiImages.JSON));
        return BearerAuth.sign(builder, ProviderHttp.baseUrl(config), url, token).build();
    }

    /// `chat/completions` under the base URL, except for Hugging Face, whose `base_url` is the router root
    /// (images go to `/hf-inference/…`) while its OpenAI-compatible chat lives under `/v1`. Pure.
    static String chatPath(ProviderConfig config) {
        if (config.id() != ProviderId.HUGGINGFACE) {
            return "chat/completions";
        }
        List<String> segments = ProviderHttp.baseUrl(config).pathSegments();
        boolean underV1 = segments.stream().filter(s -> !s.isEmpty()).reduce((a, b) -> b).filter("v1"::equals)
                .isPresent();
        return underV1 ? "chat/completions" : "v1/chat/completions";
    }

    /// Reads `choices[0].message.content` of a 2xx body, cleaned by [#clean(String)]. Pure.
    public static ChatReply parseReply(int status, String body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            return bad(status, "chat answer is not JSON: " + ErrorBody.parse(body).quoted());
        }
        String content = Json.text(root.path("choices").path(0).path("message").path("content"));
        String cleaned = content == null ? "" : clean(content);
        if (cleaned.isEmpty()) {
            return bad(status, "chat answer has no choices[0].message.content");
        }
        return new ChatReply.Text(cleaned);
    }

    /// Trims the model's answer and strips `<think>` blocks, code fences and wrapping quotes.
    public static String clean(String content) {
        String text = content.replaceAll("(?s)<think>.*?</think>", "").strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[\\w-]*\\s*", "").replaceFirst("\\s*```$", "").strip();
        }
        while (text.length() >= 2 && isQuotePair(text.charAt(0), text.charAt(text.length() - 1))) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    private static boolean isQuotePair(char open, char close) {
        return (open == '"' && close == '"') || (open == '\'' && close == '\'') || (open == '“' && close == '”')
                || (open == '「' && close == '」') || (open == '`' && close == '`');
    }

    private static ChatReply bad(int status, String message) {
        return new ChatReply.Failed(new Outcome.BadResponse(status, message));
    }
}
