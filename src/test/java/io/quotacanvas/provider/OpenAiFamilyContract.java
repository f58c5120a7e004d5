package io.quotacanvas.provider;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/// What every OpenAI-family adapter must do on a loopback server speaking the real wire protocol.
/// Each adapter's test extends this and supplies its constructor and its provider's realistic errors.
public abstract class OpenAiFamilyContract {
    protected static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final OkHttpClient BASE = HttpClients.newBase();

    @StartStop public final MockWebServer api = new MockWebServer();
    @StartStop public final MockWebServer images = new MockWebServer();

    /// A failure the provider really sends, and the class and message fragment it must come out as.
    public record ErrorCase(String name, int status, Headers headers, String body, FailureClass expected,
                            String fragment) {
        public static ErrorCase of(String name, int status, String body, FailureClass expected, String fragment) {
            return new ErrorCase(name, status, Headers.of(), body, expected, fragment);
        }
    }

    protected abstract ProviderId id();

    protected abstract ImageProvider newProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits);

    protected abstract List<ErrorCase> realisticErrors();

    /// The adapter's pure classifier.
    protected abstract Outcome.Failure classify(int status, Headers headers, String body, Instant now);

    @AfterAll
    static void closeBaseClient() {
        BASE.dispatcher().executorService().shutdown();
        BASE.connectionPool().evictAll();
    }

    protected TestConfigs config() {
        return TestConfigs.provider(id(), api.url("/v1").toString());
    }

    protected Outcome generate() {
        return generate(config().build(), BodyLimits.DEFAULT);
    }

    protected Outcome generate(ProviderConfig config, BodyLimits limits) {
        Outcome outcome = assertTimeoutPreemptively(GENEROUS,
                () -> newProvider(config, BASE, limits).generate(TestConfigs.call(id())));
        assertFalse(outcome.toString().contains(CANARY), "token leaked into " + outcome);
        return outcome;
    }

    protected static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    protected static MockResponse image(byte[] bytes, String type) {
        return new MockResponse.Builder().addHeader("Content-Type", type).body(new okio.Buffer().write(bytes)).build();
    }

    protected static String b64Answer(byte[] bytes) {
        return "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}]}";
    }

    protected String urlAnswer(String url) {
        return "{\"created\":1,\"data\":[{\"url\":\"" + url + "\"}]}";
    }

    protected static String authorizationOf(RecordedRequest request) {
        return request.getHeaders().get("Authorization");
    }

    @Test
    void successWithUrlDownloadsTheImageWithoutTheToken() throws Exception {
        String imageUrl = images.url("/results/fox.png").toString();
        api.enqueue(json(200, urlAnswer(imageUrl)));
        images.enqueue(image(TestImages.png(64, 48), "image/png"));

        Outcome.Success success = assertInstanceOf(Outcome.Success.class, generate());

        assertEquals("png", success.image().format());
        assertEquals(64, success.image().width());
        assertEquals(48, success.image().height());
        assertEquals(imageUrl, success.remoteUrl());
        assertEquals(200, success.httpStatus());
        assertEquals("Bearer " + CANARY, authorizationOf(api.takeRequest()));
        RecordedRequest download = images.takeRequest();
        assertEquals("/results/fox.png", download.getTarget());
        assertNull(authorizationOf(download));
    }

    @Test
    void aResultUrlOnTheProvidersOwnHostIsStillFetchedWithoutTheToken() throws Exception {
        api.enqueue(json(200, urlAnswer(api.url("/files/fox.png").toString())));
        api.enqueue(image(TestImages.png(32, 32), "image/png"));

        assertInstanceOf(Outcome.Success.class, generate());

        api.takeRequest();
        assertNull(authorizationOf(api.takeRequest()));
    }

    @Test
    void successWithB64JsonDecodesTheImageInline() {
        byte[] jpeg = TestImages.jpeg(40, 30);
        api.enqueue(json(200, b64Answer(jpeg)));

        Outcome.Success success = assertInstanceOf(Outcome.Success.class, generate());

        assertEquals("jpeg", success.image().format());
        assertEquals(40, success.image().width());
        assertNull(success.remoteUrl());
        assertTrue(java.util.Arrays.equals(jpeg, success.image().bytes()), "original bytes kept");
    }

    @TestFactory
    Stream<DynamicTest> theClassifierSortsEveryRealisticErrorWithoutNetwork() {
        return realisticErrors().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Outcome.Failure failure = classify(c.status(), c.headers(), c.body(), Instant.now());
            assertExpected(c, failure);
        }));
    }

    @TestFactory
    Stream<DynamicTest> realisticErrorsOnTheWireComeOutAsTheirFailureClass() {
        return realisticErrors().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            MockResponse response = new MockResponse.Builder().code(c.status()).headers(c.headers())
                    .addHeader("Content-Type", c.body().startsWith("<") ? "text/html" : "application/json")
                    .body(c.body()).build();
            api.enqueue(response);
            int before = api.getRequestCount();
            assertExpected(c, assertInstanceOf(Outcome.Failure.class, generate()));
            // not even a 408 is re-sent behind the pipeline's back (OkHttp would, as RFC 9110 allows)
            assertEquals(before + 1, api.getRequestCount());
        }));
    }

    private static void assertExpected(ErrorCase c, Outcome.Failure failure) {
        assertEquals(c.expected(), failure.failureClass(), failure.toString());
        assertEquals(c.status(), failure.httpStatus());
        assertTrue(failure.message().contains(c.fragment()), "'" + c.fragment() + "' missing in: " + failure.message());
        assertFalse(failure.toString().contains(CANARY), "token leaked into " + failure);
    }

    @Test
    void anErrorBodyEchoingTheTokenIsRedacted() {
        api.enqueue(json(401, "{\"message\":\"token " + CANARY + " is not valid\"}"));

        Outcome.Failure failure = assertInstanceOf(Outcome.AuthFailed.class, generate());

        assertTrue(failure.message().contains("…7890"), failure.message());
    }

    @Test
    void anHtmlPageWithStatus200IsABadResponse() {
        api.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><title>Just a moment...</title></html>").build());

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertTrue(bad.message().contains("text/html"), bad.message());
    }

    @Test
    void jsonWithoutDataIsABadResponse() {
        api.enqueue(json(200, "{\"created\":1,\"data\":[]}"));

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertTrue(bad.message().contains("no data[0].url or data[0].b64_json"), bad.message());
    }

    @Test
    void halfAPngIsABadResponse() {
        api.enqueue(json(200, urlAnswer(images.url("/half.png").toString())));
        images.enqueue(image(TestImages.firstHalf(TestImages.png(64, 64)), "image/png"));

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertTrue(bad.message().contains("truncated or corrupt"), bad.message());
    }

    @Test
    void aUrlServingTextDeclaredAsAnImageIsABadResponse() {
        api.enqueue(json(200, urlAnswer(images.url("/fox.png").toString())));
        images.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
                .body("<html><body>Signature expired</body></html>").build());

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertEquals("provider returned text/html instead of an image", bad.message());
    }

    @Test
    void b64JsonThatDecodesToTextIsABadResponse() {
        api.enqueue(json(200, b64Answer("{\"detail\":\"image not ready\"}".getBytes())));

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertTrue(bad.message().startsWith("provider returned JSON"), bad.message());
    }

    @Test
    void anImageOverTheSizeCapIsABadResponse() {
        api.enqueue(json(200, urlAnswer(images.url("/big.png").toString())));
        images.enqueue(image(TestImages.png(64, 64), "image/png"));

        Outcome outcome = generate(config().build(), new BodyLimits(64 * 1024, 4 * 1024));

        assertTrue(assertInstanceOf(Outcome.BadResponse.class, outcome).message().contains("larger than"));
    }

    @Test
    void aJsonAnswerOverTheSizeCapIsABadResponse() {
        api.enqueue(json(200, b64Answer(TestImages.png(64, 64))));

        Outcome outcome = generate(config().build(), new BodyLimits(4 * 1024, 4 * 1024 * 1024));

        assertTrue(assertInstanceOf(Outcome.BadResponse.class, outcome).message().contains("larger than"));
    }

    @Test
    void aConnectionDroppedAfterTheRequestIsNotSilentlySentAgain() {
        api.enqueue(json(200, b64Answer(TestImages.png(16, 16))));
        api.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        api.enqueue(json(200, b64Answer(TestImages.png(16, 16))));
        ImageProvider provider = newProvider(config().build(), BASE, BodyLimits.DEFAULT);
        provider.generate(TestConfigs.call(id(), Instant.now().plusSeconds(30), new CallScope()));

        // the second request goes out on the pooled connection, which the server drops after reading it
        Outcome outcome = provider.generate(TestConfigs.call(id(), Instant.now().plusSeconds(30), new CallScope()));

        // a generation request spends quota: it is sent exactly as often as the attempts say
        assertInstanceOf(Outcome.NetworkError.class, outcome);
        assertEquals(2, api.getRequestCount());
    }

    @Test
    void aServerThatNeverAnswersTimesOutAtTheDeadline() {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ProviderConfig config = config().build();
        ProviderCall call = TestConfigs.call(id(), Instant.now().plusMillis(300), new CallScope());

        Outcome outcome = assertTimeoutPreemptively(GENEROUS,
                () -> newProvider(config, BASE, BodyLimits.DEFAULT).generate(call));

        assertInstanceOf(Outcome.Timeout.class, outcome);
    }

    @Test
    void aServerThatStopsSendingHitsTheReadTimeout() {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ProviderConfig config = config().timeouts(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(30))
                .build();

        assertInstanceOf(Outcome.Timeout.class, generate(config, BodyLimits.DEFAULT));
    }

    @Test
    void aRefusedConnectionIsANetworkError() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        ProviderConfig config = TestConfigs.provider(id(), "http://127.0.0.1:" + port + "/v1").build();

        Outcome.NetworkError error = assertInstanceOf(Outcome.NetworkError.class, generate(config, BodyLimits.DEFAULT));

        assertTrue(error.message().contains("refused"), error.message());
    }

    @Test
    void cancellingTheScopeEndsAHangingCallPromptly() throws Exception {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        CallScope scope = new CallScope();
        ProviderCall call = TestConfigs.call(id(), Instant.now().plusSeconds(60), scope);
        ImageProvider provider = newProvider(config().build(), BASE, BodyLimits.DEFAULT);

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Outcome> running = executor.submit(() -> provider.generate(call));
            api.takeRequest(10, TimeUnit.SECONDS);
            scope.cancel("stopped by the user");

            Outcome outcome = running.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

            assertEquals(Outcome.NetworkError.cancelled("stopped by the user"), outcome);
        }
    }

    @Test
    void aCancelledScopeSendsNothing() {
        CallScope scope = new CallScope();
        scope.cancel("batch stopped");

        Outcome outcome = newProvider(config().build(), BASE, BodyLimits.DEFAULT)
                .generate(TestConfigs.call(id(), Instant.now().plusSeconds(30), scope));

        assertEquals(Outcome.NetworkError.cancelled("batch stopped"), outcome);
        assertEquals(0, api.getRequestCount());
    }

    @Test
    void aPassedDeadlineIsATimeoutWithoutARequest() {
        Outcome outcome = newProvider(config().build(), BASE, BodyLimits.DEFAULT)
                .generate(TestConfigs.call(id(), Instant.now().minusSeconds(1), new CallScope()));

        assertInstanceOf(Outcome.Timeout.class, outcome);
        assertEquals(0, api.getRequestCount());
    }

    @Test
    void aRedirectToAnotherHostDoesNotCarryTheToken() throws Exception {
        api.enqueue(new MockResponse.Builder().code(307)
                .addHeader("Location", images.url("/v1/images/generations").toString()).build());
        images.enqueue(json(200, b64Answer(TestImages.png(16, 16))));

        assertInstanceOf(Outcome.Success.class, generate());

        assertEquals("Bearer " + CANARY, authorizationOf(api.takeRequest()));
        RecordedRequest redirected = images.takeRequest();
        assertEquals("POST", redirected.getMethod());
        assertNull(authorizationOf(redirected));
        assertFalse(redirected.getHeaders().toString().contains(CANARY));
    }
}
