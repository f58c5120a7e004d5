package io.quotacanvas.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/// A loopback server speaking OpenAI chat completions as Gitee, ModelScope, A4F and the HF router do
/// (providers.md §1a, §2–§5): `POST {base}/chat/completions` with a Bearer token, answering
/// `choices[0].message.content`, or the providers' real error shapes. Replies are scripted per token or
/// by default; the answer text comes from a function of (system prompt, user text).
public final class FakeChatServer implements AutoCloseable {

    /// What the server answers to one chat request.
    public enum Reply { OK, SERVER_ERROR, QUOTA_OPENAI, QUOTA_GITEE, RATE_LIMIT, AUTH, GARBAGE, REFUSAL, HANG }

    /// One chat request as the server saw it.
    public record Chat(String path, String authorization, String model, String system, String user) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEYLESS_PATH = "/openai";
    private static final String KEYLESS = "(keyless)";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Reply defaultReply = Reply.OK;
    private volatile BinaryOperator<String> answer = (system, user) -> "Vivid, detailed: " + user + ", soft light";

    public FakeChatServer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return route(request);
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// `http://127.0.0.1:<port>/v1`, the value for a provider's `base_url`.
    public String baseUrl() {
        String u = server.url("/v1").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /// The server's root URL (Hugging Face's `base_url` is the router root).
    public String rootUrl() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /// The URL of the keyless endpoint this server also plays (Pollinations' `POST /openai`, no token).
    public String keylessUrl() {
        return server.url(KEYLESS_PATH).toString();
    }

    /// Replies for the next keyless requests, in order; then the default applies.
    public FakeChatServer scriptKeyless(Reply... replies) {
        return script(KEYLESS, replies);
    }

    public FakeChatServer script(String token, Reply... replies) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    public FakeChatServer defaultReply(Reply reply) {
        this.defaultReply = reply;
        return this;
    }

    /// The answer text for (system prompt, user text) on an OK reply.
    public FakeChatServer answer(BinaryOperator<String> answer) {
        this.answer = answer;
        return this;
    }

    /// Every request the server received, chat or not.
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Chat> chats() {
        return requests().stream().filter(r -> r.getTarget().endsWith("/chat/completions")
                || r.getTarget().equals(KEYLESS_PATH)).map(r -> {
            JsonNode body = JSON.readTree(r.getBody() == null ? "{}" : r.getBody().utf8());
            return new Chat(r.getTarget(), r.getHeaders().get("Authorization"), body.path("model").asString(null),
                    body.path("messages").path(0).path("content").asString(null),
                    body.path("messages").path(1).path("content").asString(null));
        }).toList();
    }

    private MockResponse route(RecordedRequest request) {
        boolean keyless = "POST".equals(request.getMethod()) && request.getTarget().equals(KEYLESS_PATH);
        if (!keyless && (!"POST".equals(request.getMethod()) || !request.getTarget().endsWith("/chat/completions"))) {
            return json(404, error("Not found", "invalid_request_error", null));
        }
        String auth = keyless ? "Bearer " + KEYLESS : request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return reply(Reply.AUTH, request);
        }
        Deque<Reply> script = scripts.get(auth.substring(7));
        Reply next = null;
        if (script != null) {
            synchronized (script) {
                next = script.pollFirst();
            }
        }
        return reply(next != null ? next : defaultReply, request);
    }

    private MockResponse reply(Reply reply, RecordedRequest request) {
        return switch (reply) {
            case OK -> json(200, content(answerFor(request)));
            case REFUSAL -> json(200, content("I'm sorry, but I can't help with that request."));
            case GARBAGE -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                    .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
            case SERVER_ERROR -> json(500, error("The server had an error while processing your request.",
                    "server_error", null));
            case QUOTA_OPENAI -> json(429, error("You exceeded your current quota, please check your plan and billing"
                    + " details.", "insufficient_quota", "insufficient_quota"));
            case QUOTA_GITEE -> json(429, "{\"message\":\"Your resource package quota is used up (credit balance 0)\"}");
            case RATE_LIMIT -> new MockResponse.Builder().code(429).addHeader("Retry-After", "30")
                    .addHeader("Content-Type", "application/json")
                    .body(error("Rate limit reached for requests", "requests", "rate_limit_exceeded")).build();
            case AUTH -> json(401, error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
            case HANG -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
        };
    }

    private String answerFor(RecordedRequest request) {
        JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        return answer.apply(body.path("messages").path(0).path("content").asString(""),
                body.path("messages").path(1).path("content").asString(""));
    }

    private static String content(String text) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion");
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", text);
        return root.toString();
    }

    private static String error(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error").put("message", message).put("type", type);
        e.putNull("param");
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return root.toString();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
