package io.quotacanvas.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// A loopback server speaking the OpenAI Images wire protocol as Gitee, A4F and OpenAI-compatible
/// services do (providers.md §2, §4, §5): `POST {base}/images/generations` with a Bearer token, answering
/// with `data[0].url` (served by this same server under `/files/`) or `data[0].b64_json`, and each
/// provider's real error shapes. Replies are scripted per token, per model, or by default.
public final class FakeImagesServer implements AutoCloseable {

    /// What the server answers to one generation request.
    public enum Reply { OK_URL, OK_B64, QUOTA, RATE_LIMIT, AUTH, FORBIDDEN, MODEL_MISSING, CONTENT, SERVER_ERROR,
        HTML, HANG, NOT_IMAGE, AUTH_ECHO,
        /// Waits [#dropAfter(Duration)], then closes the connection without an answer.
        DROP }

    /// Which provider's error bodies to speak.
    public enum Flavor { OPENAI, GITEE }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockWebServer server = new MockWebServer();
    private final Flavor flavor;
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Reply> modelReplies = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByToken = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxInFlightByToken = new ConcurrentHashMap<>();
    private final byte[] png = TestImages.png(64, 48);
    private volatile Reply defaultReply = Reply.OK_URL;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration dropAfter = Duration.ofSeconds(15);
    /// Released at close, so a request still hanging before its drop doesn't hold the server open.
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    public FakeImagesServer(Flavor flavor) {
        this.flavor = flavor;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.add(request);
                return route(request);
            }
        });
        server.setServerSocketFactory(new NoDelayServerSocketFactory());
        try {
            server.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// `http://127.0.0.1:<port>/v1`, the value for a provider's `base_url`.
    public String baseUrl() {
        String u = server.url("/v1").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    public String host() {
        return server.getHostName() + ":" + server.getPort();
    }

    /// Replies for the next requests carrying `token`, in order; then the default applies.
    public FakeImagesServer script(String token, Reply... replies) {
        scripts.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /// Every request for this provider model id gets `reply` (before token scripts).
    public FakeImagesServer modelReply(String providerModel, Reply reply) {
        modelReplies.put(providerModel, reply);
        return this;
    }

    public FakeImagesServer defaultReply(Reply reply) {
        this.defaultReply = reply;
        return this;
    }

    /// Delay before every generation answer (the "provider latency").
    public FakeImagesServer latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /// How long a [Reply#DROP] hangs before the server drops the connection.
    public FakeImagesServer dropAfter(Duration wait) {
        this.dropAfter = wait;
        return this;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<RecordedRequest> generationRequests() {
        return requests().stream().filter(r -> r.getTarget().endsWith("/images/generations")).toList();
    }

    /// Generation requests whose Bearer token was `token`.
    public long requestsWithToken(String token) {
        return generationRequests().stream().filter(r -> ("Bearer " + token).equals(r.getHeaders().get("Authorization")))
                .count();
    }

    /// The most generation requests that were in flight at once.
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /// The most generation requests that were in flight at once with `token`.
    public int maxInFlight(String token) {
        AtomicInteger max = maxInFlightByToken.get(token);
        return max == null ? 0 : max.get();
    }

    /// Generation requests in flight right now.
    public int inFlight() {
        return inFlight.get();
    }

    private MockResponse route(RecordedRequest request) throws InterruptedException {
        if ("GET".equals(request.getMethod()) && request.getTarget().startsWith("/files/")) {
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body(new Buffer().write(png))
                    .build();
        }
        if (!"POST".equals(request.getMethod()) || !request.getTarget().endsWith("/v1/images/generations")) {
            return json(404, "{\"error\":{\"message\":\"Not found\",\"type\":\"invalid_request_error\"}}");
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String token = bearer(request);
        AtomicInteger perToken = inFlightByToken.computeIfAbsent(token, t -> new AtomicInteger());
        int nowForToken = perToken.incrementAndGet();
        maxInFlightByToken.computeIfAbsent(token, t -> new AtomicInteger()).accumulateAndGet(nowForToken, Math::max);
        try {
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            return answer(request);
        } finally {
            perToken.decrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    private static String bearer(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
    }

    private MockResponse answer(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return reply(Reply.AUTH, request);
        }
        JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        Reply byModel = modelReplies.get(body.path("model").asString(""));
        if (byModel != null) {
            return reply(byModel, request);
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
            case OK_URL -> json(200, "{\"created\":1,\"data\":[{\"url\":\"" + server.url("/files/img-"
                    + requests.size() + ".png") + "\"}]}");
            case OK_B64 -> json(200, "{\"created\":1,\"data\":[{\"b64_json\":\""
                    + Base64.getEncoder().encodeToString(png) + "\"}]}");
            case QUOTA -> flavor == Flavor.OPENAI
                    ? json(429, error("You exceeded your current quota, please check your plan and billing details.",
                    "insufficient_quota", "insufficient_quota"))
                    : json(429, "{\"message\":\"Your resource package quota is used up (credit balance 0)\"}");
            case RATE_LIMIT -> new MockResponse.Builder().code(429).addHeader("Retry-After", "30")
                    .addHeader("Content-Type", "application/json")
                    .body(error("Rate limit reached for requests", "requests", "rate_limit_exceeded")).build();
            case AUTH -> json(401, error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
            // Gitee: the token has no resource package for this model
            case FORBIDDEN -> flavor == Flavor.GITEE
                    ? json(403, "{\"error\":\"access_denied\",\"message\":\"当前令牌未绑定该模型的资源包\"}")
                    : json(403, error("Country, region, or territory not supported", "request_forbidden",
                    "unsupported_country_region_territory"));
            // as OpenAI does: the rejected key is quoted back in the message
            case AUTH_ECHO -> json(401, error("Incorrect API key provided: " + bearer(request) + ".",
                    "invalid_request_error", "invalid_api_key"));
            case MODEL_MISSING -> json(404, error("The model does not exist or you do not have access to it.",
                    "invalid_request_error", "model_not_found"));
            case CONTENT -> json(400, error("Your request was rejected as a result of our safety system.",
                    "invalid_request_error", "content_policy_violation"));
            case SERVER_ERROR -> json(500, error("The server had an error while processing your request.",
                    "server_error", null));
            case HTML -> new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                    .body("<html><body><h1>502 Bad Gateway</h1></body></html>").build();
            case NOT_IMAGE -> json(200, "{\"data\":[{\"b64_json\":\""
                    + Base64.getEncoder().encodeToString("definitely not an image".getBytes()) + "\"}]}");
            case HANG -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            case DROP -> {
                try {
                    closing.await(dropAfter.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                yield new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            }
        };
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        closing.countDown();
        server.close();
    }

    /// Accepted sockets with `TCP_NODELAY`, as production servers have: without it every response waits
    /// ~40 ms for the client's delayed ACK, which would swamp what the engine itself costs.
    static final class NoDelayServerSocketFactory extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws java.io.IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws java.io.IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws java.io.IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws java.io.IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, java.net.InetAddress address)
                throws java.io.IOException {
            throw new UnsupportedOperationException("MockWebServer binds unbound sockets");
        }
    }
}
