package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The gateway at the HTTP level, as a careless or hostile client meets it: every mistake gets an
/// OpenAI-shaped error with the right status and never a stack trace; plus health, metrics and CORS.
class GatewayHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    @TempDir
    Path home;

    record Answer(int code, String body, okhttp3.Headers headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        /// The OpenAI error shape, with no trace of Java in it.
        JsonNode error() {
            JsonNode e = json().get("error");
            assertTrue(e.has("message") && e.has("type") && e.has("param") && e.has("code"), body);
            assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("jetty"), body);
            return e;
        }
    }

    static Answer call(GatewayFixture gw, Request.Builder request) throws IOException {
        try (Response r = gw.http.newCall(request.build()).execute()) {
            return new Answer(r.code(), r.body().string(), r.headers());
        }
    }

    static Request.Builder post(GatewayFixture gw, String path, String body, String type) {
        return new Request.Builder().url(gw.base() + path)
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), type == null ? null : MediaType.get(type)));
    }

    @Test
    void malformedBodiesAreBadRequestsAndNothingIsSpent() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            for (String body : List.of("{", "[1,2]", "\"fox\"", "{\"prompt\": 12}", "{\"prompt\":\"x\",\"n\":\"2\"}",
                    "{\"prompt\":\"x\",\"response_format\":\"png\"}", "{\"prompt\":\"x\",\"seed\":-1}",
                    "{\"prompt\":\"x\",\"quality\":\"ultra\"}", "{\"prompt\":\"x\",\"provider\":\"midjourney\"}",
                    "{\"prompt\":\"x\",\"stream\":true}", "")) {
                Answer a = call(gw, post(gw, "/v1/images/generations", body, "application/json"));
                assertEquals(400, a.code(), body);
                assertEquals("invalid_request_error", a.error().get("type").asString());
            }
            Answer n = call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"x\",\"n\":0}", "application/json"));
            assertEquals("n", n.error().get("param").asString());
            assertEquals(0, gw.gitee.generationRequests().size());
        }
    }

    @Test
    void wrongContentTypeHugeBodyWrongMethodAndUnknownPathAreRefusedInOpenAiShape() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("max_body: 4KiB").start()) {
            Answer form = call(gw, post(gw, "/v1/images/generations", "prompt=fox", "application/x-www-form-urlencoded"));
            assertEquals(415, form.code());
            assertEquals("unsupported_media_type", form.error().get("code").asString());

            Answer huge = call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"" + "x".repeat(10_000) + "\"}",
                    "application/json"));
            assertEquals(413, huge.code());
            assertEquals("request_too_large", huge.error().get("code").asString());

            Answer get = call(gw, new Request.Builder().url(gw.base() + "/v1/images/generations"));
            assertEquals(405, get.code());
            assertEquals("POST", get.headers().get("Allow"));
            get.error();

            Answer delete = call(gw, new Request.Builder().url(gw.base() + "/v1/models").delete());
            assertEquals(405, delete.code());

            Answer unknown = call(gw, new Request.Builder().url(gw.base() + "/v1/chat/completions")
                    .post(RequestBody.create("{}", JSON_TYPE)));
            assertEquals(404, unknown.code());
            assertEquals("unknown_url", unknown.error().get("code").asString());
            assertEquals(0, gw.gitee.generationRequests().size());
        }
    }

    @Test
    void brokenHttpGetsAJsonErrorFromTheServerItself() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            String raw = raw(gw, "GET /health HTTP/1.1\r\nHost: x\r\nNot a header line\r\n\r\n");
            assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
            assertTrue(raw.contains("\"error\""), raw);
            assertFalse(raw.contains("Jetty") || raw.contains("<html"), raw);

            String huge = raw(gw, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
            assertTrue(huge.startsWith("HTTP/1.1 431"), huge);
            assertFalse(huge.contains("Jetty") || huge.contains("<html"), huge);
        }
    }

    private static String raw(GatewayFixture gw, String request) throws IOException {
        try (Socket s = new Socket(gw.server.address().getHost(), gw.server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFileLinkIsFetchedWithoutAKeyAndAnUnknownOneIsNotFound() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("api_keys: [test-gateway-key-0001]").start()) {
            Answer made = call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\"}", "application/json")
                    .header("Authorization", "Bearer test-gateway-key-0001"));
            String url = made.json().get("data").get(0).get("url").asString();
            try (Response r = gw.http.newCall(new Request.Builder().url(url).build()).execute()) {
                assertEquals(200, r.code());
                assertEquals("image/png", r.header("Content-Type"));
            }
            Answer guessed = call(gw, new Request.Builder().url(gw.base() + "/v1/files/img_"
                    + "A".repeat(32) + ".png"));
            assertEquals(404, guessed.code());
            assertEquals("file_not_found", guessed.error().get("code").asString());
        }
    }

    @Test
    void healthAndMetricsShowTheQueueTokensAndCounts() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).tokens("gitee-test-token-0001,gitee-test-token-0002")
                .provider(s -> s.script("gitee-test-token-0001", Reply.QUOTA)).start()) {
            Answer health = call(gw, new Request.Builder().url(gw.base() + "/health"));
            assertEquals(200, health.code());
            assertEquals("ok", health.json().get("status").asString());

            call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\"}", "application/json"));
            Answer metrics = call(gw, new Request.Builder().url(gw.base() + "/metrics"));

            assertEquals(200, metrics.code());
            assertTrue(metrics.headers().get("Content-Type").startsWith("text/plain; version=0.0.4"));
            String m = metrics.body();
            for (String line : List.of("quota_canvas_images_generated_total{provider=\"gitee\"} 1",
                    "quota_canvas_attempts_total{provider=\"gitee\",outcome=\"quota_exhausted\"} 1",
                    "quota_canvas_attempts_total{provider=\"gitee\",outcome=\"success\"} 1",
                    "quota_canvas_tokens{provider=\"gitee\",state=\"ready\"} 1",
                    "quota_canvas_tokens{provider=\"gitee\",state=\"cooling\"} 1",
                    "quota_canvas_gateway_requests_in_flight 0", "quota_canvas_gateway_queue_depth 0",
                    "quota_canvas_gateway_queue_capacity 64",
                    "quota_canvas_gateway_http_requests_total{route=\"/v1/images/generations\",status=\"200\"} 1",
                    "# TYPE quota_canvas_images_failed_total counter")) {
                assertTrue(m.lines().anyMatch(line::equals), "missing '" + line + "' in\n" + m);
            }
        }
    }

    @Test
    void corsHeadersGoOnlyToListedOrigins() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("cors: [\"http://localhost:3210\"]").start()) {
            Answer preflight = call(gw, new Request.Builder().url(gw.base() + "/v1/images/generations")
                    .method("OPTIONS", null).header("Origin", "http://localhost:3210")
                    .header("Access-Control-Request-Method", "POST"));
            assertEquals(204, preflight.code());
            assertEquals("http://localhost:3210", preflight.headers().get("Access-Control-Allow-Origin"));
            assertTrue(preflight.headers().get("Access-Control-Allow-Headers").contains("Authorization"));

            Answer stranger = call(gw, new Request.Builder().url(gw.base() + "/v1/models")
                    .header("Origin", "http://evil.example"));
            assertNull(stranger.headers().get("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void aClientThatHangsUpCancelsItsProviderCallAndKeepsTheImagesAlreadyMade() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).tokens("gitee-test-token-0001,gitee-test-token-0002")
                .gateway("image_timeout: 120s")
                .provider(s -> s.script("gitee-test-token-0001", Reply.OK_B64).script("gitee-test-token-0002",
                        Reply.HANG)).start()) {
            var call = gw.http.newCall(post(gw, "/v1/images/generations", "{\"prompt\":\"fox\",\"n\":2}",
                    "application/json").build());
            Thread client = Thread.ofVirtual().start(() -> {
                try {
                    call.execute().close();
                } catch (IOException expected) {
                    // cancelled below
                }
            });
            waitFor(() -> gw.gitee.generationRequests().size() == 2 && gw.libraryImages() == 1);

            call.cancel();
            client.join();

            // the request ends well before the hanging provider call would (image_timeout 120 s)
            waitFor(() -> gw.server.inFlight() == 0);
            waitFor(() -> metrics(gw).contains("quota_canvas_gateway_http_requests_total{route=\"/v1/images/"
                    + "generations\",status=\"499\"} 1"));
            Answer metrics = call(gw, new Request.Builder().url(gw.base() + "/metrics"));
            assertTrue(metrics.body().contains("quota_canvas_images_failed_total{provider=\"gitee\",error_type="
                    + "\"cancelled\"} 1"), metrics.body());
            assertEquals(1, gw.libraryImages(), "the image made before the hang-up stays in the library");
            assertEquals(2, gw.gitee.generationRequests().size(), "nothing was retried for nobody");
        }
    }

    @Test
    void generationAnswersKeepTheConnectionForTheNextRequest() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            for (int i = 0; i < 3; i++) {
                Answer a = call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\"}", "application/json"));
                assertEquals(200, a.code());
                assertNull(a.headers().get("Connection"), "keep-alive");
            }
            assertEquals(1, gw.http.connectionPool().connectionCount(), "one connection served all three");
        }
    }

    private static String metrics(GatewayFixture gw) {
        try {
            return call(gw, new Request.Builder().url(gw.base() + "/metrics")).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /// Polls `condition` every 20 ms for up to 20 s; fails when it never holds.
    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition never held");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void noTokenEverLeavesInAnAnswerAHeaderOrTheLog() throws Exception {
        String canary = "CANARY-gateway-token-9f3a71c2";
        List<String> seen = new ArrayList<>();
        try (GatewayFixture gw = GatewayFixture.in(home).tokens(canary + ",gitee-test-token-0002")
                .provider(s -> s.script(canary, Reply.AUTH_ECHO)).start()) {
            seen.add(dump(call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\"}", "application/json"))));
            seen.add(dump(call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\",\"response_format\":"
                    + "\"b64_json\",\"n\":2}", "application/json"))));
            seen.add(dump(call(gw, new Request.Builder().url(gw.base() + "/v1/models"))));
            seen.add(dump(call(gw, new Request.Builder().url(gw.base() + "/metrics"))));
            seen.add(dump(call(gw, new Request.Builder().url(gw.base() + "/health"))));
            seen.add(dump(call(gw, post(gw, "/v1/images/generations", "{", "application/json"))));
            seen.addAll(gw.log());
            assertTrue(seen.getFirst().contains("Incorrect API key provided"), "the echoing provider was asked");
        }
        try (GatewayFixture gw = GatewayFixture.in(home.resolve("alone")).tokens(canary)
                .provider(s -> s.defaultReply(Reply.AUTH_ECHO)).start()) {
            Answer failed = call(gw, post(gw, "/v1/images/generations", "{\"prompt\":\"fox\"}", "application/json"));
            assertEquals(502, failed.code());
            seen.add(dump(failed));
            seen.addAll(gw.log());
        }
        for (String text : seen) {
            assertFalse(text.contains(canary), "token leaked: " + text);
            assertFalse(text.contains("9f3a71c2"), "token leaked in part: " + text);
        }
    }

    private static String dump(Answer a) {
        return a.headers() + "\n" + a.body();
    }
}
