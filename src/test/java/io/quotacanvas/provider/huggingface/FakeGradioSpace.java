package io.quotacanvas.provider.huggingface;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/// A loopback Gradio 5 Space speaking the real HTTP API: `/config`, `{prefix}/info`, `POST {prefix}/call/{api}`
/// → `event_id`, and a result stream that really streams SSE — heartbeats and pauses between chunks, an
/// `error` event, a clean end without `complete`, a connection cut mid-way, or silence — then the file.
///
/// Thread-safe: each request runs on its own virtual thread; every request is recorded.
public final class FakeGradioSpace implements AutoCloseable {
    public static final String FILE_PATH = "/tmp/gradio/3f9c2a/image.png";

    /// A request as the Space saw it; header names are lower-cased.
    public record Recorded(String method, String target, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /// One step of a result stream.
    public sealed interface Step {
        record Event(String name, String data) implements Step {}

        record Pause(long millis) implements Step {}
    }

    /// How a stream ends after its steps: closed cleanly, cut (connection dropped mid-body), or silent.
    public enum Ending { CLEAN, CUT, SILENT }

    public record Plan(List<Step> steps, Ending ending) {
        public static Plan of(Ending ending, Step... steps) {
            return new Plan(List.of(steps), ending);
        }
    }

    /// A canned HTTP answer.
    public record Reply(int status, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String apiPrefix;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Reply> callReplies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger events = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final Semaphore streamsOpened = new Semaphore(0);
    private volatile String apiName;
    private volatile String info;
    private volatile String outputs;
    private volatile Reply configReply;
    private volatile byte[] image = TestImagesHolder.PNG;
    private volatile String imageType = "image/png";
    private volatile String redirectTo;
    private volatile Function<Recorded, Plan> plans = r -> null;

    /// A Space serving `apiName` with the `/info` JSON `info` and `complete` outputs `outputs`, in which
    /// `{FILE_URL}` stands for this Space's file URL.
    public FakeGradioSpace(String apiPrefix, String apiName, String info, String outputs) {
        this.apiPrefix = apiPrefix;
        this.apiName = apiName;
        this.info = info;
        this.outputs = outputs;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /// The official `Tongyi-MAI/Z-Image-Turbo` Space: `/generate`, a gallery output.
    public static FakeGradioSpace zImageTurbo() {
        return new FakeGradioSpace("/gradio_api", "generate", resource("z-image-turbo-info.json"),
                "[[{\"image\":" + fileData("{FILE_URL}") + ",\"caption\":null}],\"42\",42]");
    }

    /// The official `Tongyi-MAI/Z-Image` Space as its API page shows it: `/generate` with nine inputs, none of
    /// which its function gives a default ("Required" on that page), and a `/config` whose page components
    /// hold the values a browser would send. Parameter names are read off the page's labels.
    public static FakeGradioSpace zImage() {
        return new FakeGradioSpace("/gradio_api", "generate", resource("z-image-info.json"),
                "[[{\"image\":" + fileData("{FILE_URL}") + ",\"caption\":null}],\"42\",42]")
                .configReply(new Reply(200, "application/json", resource("z-image-config.json")));
    }

    /// `AIDC-AI/Ovis-Image-7B`: `/generate` taking prompt, height, width, seed, steps and guidance; one image.
    public static FakeGradioSpace ovisImage() {
        return new FakeGradioSpace("/gradio_api", "generate", resource("ovis-image-info.json"),
                fileData("{FILE_URL}"));
    }

    /// `black-forest-labs/FLUX.1-schnell`: `/infer`, an image output and the seed.
    public static FakeGradioSpace fluxSchnell() {
        return new FakeGradioSpace("/gradio_api", "infer", resource("flux-1-schnell-info.json"),
                "[" + fileData("{FILE_URL}") + ",42]");
    }

    /// The Z-Image-Turbo Space's answer to a prompt its safety filter refused: a normal `complete` whose
    /// gallery holds its placeholder picture `nsfw.png`.
    public static String nsfwPlaceholderOutputs() {
        String file = "{\"path\":\"/tmp/gradio/9a1b7c/nsfw.png\",\"url\":\"{FILE_URL}\",\"size\":null,"
                + "\"orig_name\":\"nsfw.png\",\"mime_type\":null,\"is_stream\":false,"
                + "\"meta\":{\"_type\":\"gradio.FileData\"}}";
        return "[[{\"image\":" + file + ",\"caption\":null}],\"42\",42]";
    }

    public static String fileData(String url) {
        return "{\"path\":\"" + FILE_PATH + "\",\"url\":\"" + url + "\",\"size\":null,\"orig_name\":\"image.png\","
                + "\"mime_type\":null,\"is_stream\":false,\"meta\":{\"_type\":\"gradio.FileData\"}}";
    }

    public static String resource(String name) {
        try (InputStream in = FakeGradioSpace.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- stream plans -----------------------------------------------------------------------------------

    public static Step event(String name, String data) {
        return new Step.Event(name, data);
    }

    public static Step pause(long millis) {
        return new Step.Pause(millis);
    }

    public static Step heartbeat() {
        return event("heartbeat", "null");
    }

    /// A heartbeat, a pause, `generating`, then `complete` with the Space's outputs.
    public static Plan completes() {
        return Plan.of(Ending.CLEAN, heartbeat(), pause(20), event("generating", "null"), event("complete", null));
    }

    public static Plan failsWith(String errorData) {
        return Plan.of(Ending.CLEAN, heartbeat(), event("error", errorData));
    }

    // ---- configuration ----------------------------------------------------------------------------------

    /// The plan for every stream from now on (`null` outputs of a `complete` event are the Space's outputs).
    public FakeGradioSpace stream(Plan plan) {
        return streams(r -> plan);
    }

    /// Chooses each stream's plan from its GET request (e.g. by its auth header).
    public FakeGradioSpace streams(Function<Recorded, Plan> chooser) {
        this.plans = chooser;
        return this;
    }

    public FakeGradioSpace info(String json) {
        this.info = json;
        return this;
    }

    public FakeGradioSpace apiName(String name) {
        this.apiName = name;
        return this;
    }

    public FakeGradioSpace outputs(String json) {
        this.outputs = json;
        return this;
    }

    public FakeGradioSpace configReply(Reply reply) {
        this.configReply = reply;
        return this;
    }

    /// Answers the next `POST …/call/…` with `reply` instead of an event id (one-shot, queued).
    public FakeGradioSpace nextCallReply(Reply reply) {
        callReplies.add(reply);
        return this;
    }

    public FakeGradioSpace image(byte[] bytes, String contentType) {
        this.image = bytes;
        this.imageType = contentType;
        return this;
    }

    /// `GET /moved-file` answers 302 to `location`.
    public FakeGradioSpace redirectFileTo(String location) {
        this.redirectTo = location;
        return this;
    }

    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    public String fileUrl() {
        return url() + apiPrefix + "/file=" + FILE_PATH;
    }

    public List<Recorded> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long count(String method, String targetPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.target().startsWith(targetPrefix))
                .count();
    }

    /// Waits until a result stream has sent its headers.
    public boolean awaitStreamOpened(long seconds) throws InterruptedException {
        return streamsOpened.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ----------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Recorded r = record(ex);
            String path = ex.getRequestURI().getRawPath();
            String call = apiPrefix + "/call/" + apiName;
            if (path.equals("/config")) {
                Reply c = configReply;
                send(ex, c != null ? c : new Reply(200, "application/json", "{\"version\":\"5.49.1\","
                        + "\"api_prefix\":\"" + apiPrefix + "\",\"protocol\":\"sse_v3\",\"mode\":\"blocks\"}"));
            } else if (path.equals(apiPrefix + "/info")) {
                send(ex, new Reply(200, "application/json", info));
            } else if (path.equals(call) && r.method().equals("POST")) {
                Reply queued = callReplies.poll();
                send(ex, queued != null ? queued
                        : new Reply(200, "application/json", "{\"event_id\":\"evt-" + events.incrementAndGet() + "\"}"));
            } else if (path.startsWith(call + "/") && r.method().equals("GET")) {
                Plan plan = plans.apply(r);
                stream(ex, plan != null ? plan : completes());
            } else if (path.equals(apiPrefix + "/file=" + FILE_PATH)) {
                ex.getResponseHeaders().set("Content-Type", imageType);
                ex.sendResponseHeaders(200, image.length);
                ex.getResponseBody().write(image);
            } else if (path.equals("/moved-file") && redirectTo != null) {
                ex.getResponseHeaders().set("Location", redirectTo);
                ex.sendResponseHeaders(302, -1);
            } else if (path.startsWith(apiPrefix + "/call/")) {
                // what current Gradio does for an unknown api_name
                send(ex, new Reply(500, "application/json", "{\"detail\":\"Internal Server Error\"}"));
            } else {
                send(ex, new Reply(404, "application/json", "{\"detail\":\"Not Found\"}"));
            }
        }
    }

    private void stream(HttpExchange ex, Plan plan) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        // a declared length the body never reaches makes the server drop the connection mid-body
        ex.sendResponseHeaders(200, plan.ending() == Ending.CUT ? 1 << 20 : 0);
        OutputStream out = ex.getResponseBody();
        out.flush();
        streamsOpened.release();
        try {
            for (Step step : plan.steps()) {
                switch (step) {
                    case Step.Event e -> {
                        String data = e.data() != null ? e.data() : outputs.replace("{FILE_URL}", fileUrl());
                        out.write(("event: " + e.name() + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    case Step.Pause p -> Thread.sleep(p.millis());
                }
            }
            if (plan.ending() == Ending.SILENT) {
                released.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Recorded record(HttpExchange ex) throws IOException {
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), Map.copyOf(headers), body);
        requests.add(r);
        return r;
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    /// Real images for the file endpoint.
    public static final class TestImagesHolder {
        public static final byte[] PNG = io.quotacanvas.provider.TestImages.png(48, 32);
        /// A 1×1 lossless (VP8L) WebP, the one browsers' feature checks use.
        public static final byte[] WEBP = java.util.Base64.getDecoder()
                .decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

        private TestImagesHolder() {}
    }
}
