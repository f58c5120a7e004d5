package io.quotacanvas.provider.huggingface;

import static io.quotacanvas.provider.huggingface.FakeGradioSpace.event;
import static io.quotacanvas.provider.huggingface.FakeGradioSpace.heartbeat;
import static io.quotacanvas.provider.huggingface.FakeGradioSpace.pause;
import static io.quotacanvas.provider.huggingface.HfFixtures.CANARY;
import static io.quotacanvas.provider.huggingface.HfFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Ending;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Plan;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Recorded;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Reply;
import io.quotacanvas.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/// The public-Space path against a loopback Gradio server that really streams SSE.
class GradioSpaceTest {
    /// FLUX.1-schnell's inputs shuffled, with an extra `style` input and guidance, as a redeploy might do.
    static final String REORDERED_INFO = """
            {"named_endpoints":{"/infer":{"parameters":[
             {"parameter_name":"height","parameter_has_default":true,"parameter_default":1024,"python_type":{"type":"float"}},
             {"parameter_name":"num_inference_steps","parameter_has_default":true,"parameter_default":4,"python_type":{"type":"float"}},
             {"parameter_name":"prompt","parameter_has_default":false,"parameter_default":null,"python_type":{"type":"str"}},
             {"parameter_name":"style","parameter_has_default":true,"parameter_default":"vivid","python_type":{"type":"Literal['vivid', 'muted']"}},
             {"parameter_name":"width","parameter_has_default":true,"parameter_default":1024,"python_type":{"type":"float"}},
             {"parameter_name":"randomize_seed","parameter_has_default":true,"parameter_default":true,"python_type":{"type":"bool"}},
             {"parameter_name":"seed","parameter_has_default":true,"parameter_default":0,"python_type":{"type":"float"}},
             {"parameter_name":"guidance_scale","parameter_has_default":true,"parameter_default":1,"python_type":{"type":"float"}}
            ]}},"unnamed_endpoints":{}}""";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient BASE = HttpClients.newBase();
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String Z_DATA = "[\"a red fox in fresh snow\",\"1024x1024 ( 1:1 )\",42,9,3,false,[]]";

    private final FakeGradioSpace z = FakeGradioSpace.zImageTurbo();
    private final FakeGradioSpace flux = FakeGradioSpace.fluxSchnell();
    private final FakeGradioSpace foreign = FakeGradioSpace.fluxSchnell();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        z.close();
        flux.close();
        foreign.close();
        threads.shutdownNow();
    }

    @AfterAll
    static void closeBase() {
        HttpClients.shutdown(BASE);
    }

    private ProviderConfig config() {
        return HfFixtures.router("http://127.0.0.1:9/").space("z-image-turbo", z.url(), "/generate")
                .space("flux-1-schnell", flux.url(), "/infer").build();
    }

    private HuggingFaceProvider provider(Clock clock, BodyLimits limits) {
        return new HuggingFaceProvider(config(), BASE, limits, clock);
    }

    private Outcome generate(HuggingFaceProvider provider, String model, Token token, Instant deadline,
                             CallScope scope) {
        var call = HfFixtures.call(model, config().models().get(model), token, HfFixtures.square(), deadline, scope);
        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> provider.generate(call));
        assertFalse(outcome.toString().contains(CANARY), "token leaked into " + outcome);
        return outcome;
    }

    private Outcome generate(String model, Token token) {
        return generate(provider(FIXED, BodyLimits.DEFAULT), model, token, NOW.plusSeconds(20), new CallScope());
    }

    private static List<String> targets(FakeGradioSpace space) {
        return space.requests().stream().map(r -> r.method() + " " + r.target()).toList();
    }

    // ---- the happy path -----------------------------------------------------------------------------------

    @Test
    void anonymousGenerationWalksTheGradioFlowWithoutAnyCredential() {
        var success = assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertEquals(List.of("GET /config", "GET /gradio_api/info", "POST /gradio_api/call/generate",
                "GET /gradio_api/call/generate/evt-1", "GET /gradio_api/file=" + FakeGradioSpace.FILE_PATH), targets(z));
        assertEquals(JSON.readTree("{\"data\":" + Z_DATA + "}"), JSON.readTree(z.requests().get(2).body()));
        assertTrue(z.requests().stream().allMatch(r -> r.header("x-hf-authorization") == null
                && r.header("authorization") == null), z.requests().toString());
        assertEquals(z.fileUrl(), success.remoteUrl());
        assertEquals(48, success.image().width());
        assertEquals("png", success.image().format());
    }

    @Test
    void aTokenTravelsInXHfAuthorizationToEverySpaceRequestAndNeverAsAuthorization() {
        assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.token()));

        assertEquals(5, z.requests().size());
        for (Recorded r : z.requests()) {
            assertEquals("Bearer " + CANARY, r.header("x-hf-authorization"), r.target());
            assertNull(r.header("authorization"), r.target());
        }
    }

    @Test
    void aWebpResultDecodes() {
        z.image(FakeGradioSpace.TestImagesHolder.WEBP, "image/webp");

        var success = assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertEquals("webp", success.image().format());
    }

    @Test
    void aSlowQueueOfHeartbeatsThenGeneratingThenCompleteSucceeds() {
        z.stream(Plan.of(Ending.CLEAN, heartbeat(), pause(150), heartbeat(), pause(150), heartbeat(), pause(150),
                event("generating", "[null,\"step 4/9\",null]"), pause(100), event("complete", null)));

        assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.anonymous()));
    }

    @Test
    void aGradio4SpaceWithoutApiPrefixIsCalledAtTheRoot() {
        FakeGradioSpace old = new FakeGradioSpace("", "infer", FakeGradioSpace.resource("flux-1-schnell-info.json"),
                "[" + FakeGradioSpace.fileData("{FILE_URL}") + ",42]");
        try (old) {
            ProviderConfig config = HfFixtures.router("http://127.0.0.1:9/").space("flux-1-schnell", old.url(), "infer")
                    .build();
            var call = HfFixtures.call("flux-1-schnell", "x", HfFixtures.anonymous(), NOW.plusSeconds(20));

            assertInstanceOf(Outcome.Success.class, new HuggingFaceProvider(config, BASE, BodyLimits.DEFAULT, FIXED)
                    .generate(call));
            assertEquals(List.of("GET /config", "GET /info", "POST /call/infer", "GET /call/infer/evt-1",
                    "GET /file=" + FakeGradioSpace.FILE_PATH), targets(old));
        }
    }

    @Test
    void aSpaceThatReorderedItsInputsGetsEachValueAtItsNewIndex() {
        flux.info(REORDERED_INFO);
        var call = HfFixtures.call("flux-1-schnell", "x", HfFixtures.anonymous(),
                HfFixtures.settings(new io.quotacanvas.core.ImageSize(768, 1024),
                        io.quotacanvas.core.AspectRatio.PORTRAIT_3_4, 3.5), NOW.plusSeconds(20), new CallScope());

        assertInstanceOf(Outcome.Success.class, provider(FIXED, BodyLimits.DEFAULT).generate(call));

        Recorded post = flux.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertEquals(JSON.readTree("{\"data\":[1024,9,\"a red fox in fresh snow\",\"vivid\",768,false,42,3.5]}"),
                JSON.readTree(post.body()));
    }

    // ---- discovery cache ------------------------------------------------------------------------------------

    @Test
    void aBatchDiscoversTheSpaceOnceEvenWhenItsCallsRunAtOnce() throws Exception {
        HuggingFaceProvider provider = provider(FIXED, BodyLimits.DEFAULT);
        List<Future<Outcome>> batch = IntStream.range(0, 4).mapToObj(i -> threads.submit(() -> provider.generate(
                HfFixtures.call("z-image-turbo", "x", HfFixtures.anonymous(), NOW.plusSeconds(20))))).toList();

        for (Future<Outcome> f : batch) {
            assertInstanceOf(Outcome.Success.class, f.get());
        }
        assertEquals(1, z.count("GET", "/config"));
        assertEquals(1, z.count("GET", "/gradio_api/info"));
        assertEquals(4, z.count("POST", "/gradio_api/call/generate"));
    }

    @Test
    void theSchemaIsFetchedAgainAfterItsTimeToLive() {
        MutableClock clock = new MutableClock(NOW);
        HuggingFaceProvider provider = provider(clock, BodyLimits.DEFAULT);
        generate(provider, "z-image-turbo", HfFixtures.anonymous(), NOW.plusSeconds(20), new CallScope());

        clock.advance(GradioClient.SCHEMA_TTL.plusMinutes(1));
        generate(provider, "z-image-turbo", HfFixtures.anonymous(), clock.instant().plusSeconds(20), new CallScope());

        assertEquals(2, z.count("GET", "/gradio_api/info"));
    }

    @Test
    void aCachedSchemaThatACallCallsVanishedIsRefetchedOnceAndTheCallRetried() {
        HuggingFaceProvider provider = provider(FIXED, BodyLimits.DEFAULT);
        assertInstanceOf(Outcome.Success.class,
                generate(provider, "z-image-turbo", HfFixtures.anonymous(), NOW.plusSeconds(20), new CallScope()));
        z.nextCallReply(new Reply(500, "application/json", "{\"detail\":\"Internal Server Error\"}"));

        assertInstanceOf(Outcome.Success.class,
                generate(provider, "z-image-turbo", HfFixtures.anonymous(), NOW.plusSeconds(20), new CallScope()));
        assertEquals(2, z.count("GET", "/gradio_api/info"));
        assertEquals(3, z.count("POST", "/gradio_api/call/generate"));
    }

    // ---- ZeroGPU and Space errors ---------------------------------------------------------------------------

    @Test
    void eachZeroGpuQuotaWordingCoolsUntilItsTryAgainTime() {
        record Case(String data, Duration rest) {}
        for (Case c : List.of(new Case(ZeroGpuErrorsTest.ANONYMOUS, Duration.parse("PT23H59M9S")),
                new Case(ZeroGpuErrorsTest.FREE, Duration.parse("PT1H2M3S")),
                new Case(ZeroGpuErrorsTest.OLDER, Duration.parse("PT4H5M6S")))) {
            z.stream(FakeGradioSpace.failsWith(c.data()));

            var quota = assertInstanceOf(Outcome.QuotaExhausted.class, generate("z-image-turbo", HfFixtures.token()));

            assertEquals(NOW.plus(c.rest()), quota.resetAt(), c.data());
        }
    }

    @Test
    void noGpuAvailableIsATransientProviderError() {
        z.stream(FakeGradioSpace.failsWith("{\"error\":\"No GPU is currently available for you after 60s\","
                + "\"visible\":true,\"title\":\"Error\"}"));

        var error = assertInstanceOf(Outcome.ProviderError.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertTrue(error.message().contains("No GPU is currently available"), error.message());
    }

    @Test
    void aStreamCutMidWayIsABadResponse() {
        z.stream(Plan.of(Ending.CUT, heartbeat(), pause(50), event("generating", "null")));

        var bad = assertInstanceOf(Outcome.BadResponse.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertTrue(bad.message().contains("broke off"), bad.message());
    }

    @Test
    void aStreamThatEndsWithoutCompleteIsABadResponse() {
        z.stream(Plan.of(Ending.CLEAN, heartbeat(), event("generating", "null")));

        var bad = assertInstanceOf(Outcome.BadResponse.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertTrue(bad.message().contains("ended without a result"), bad.message());
    }

    @Test
    void aSilentStreamTimesOutAtTheDeadline() {
        z.stream(Plan.of(Ending.SILENT, heartbeat()));

        Outcome outcome = generate(provider(FIXED, BodyLimits.DEFAULT), "z-image-turbo", HfFixtures.anonymous(),
                NOW.plusMillis(1500), new CallScope());

        assertInstanceOf(Outcome.Timeout.class, outcome);
    }

    @Test
    void cancellingTheScopeStopsALiveStreamAtOnce() throws Exception {
        z.stream(Plan.of(Ending.SILENT, heartbeat()));
        CallScope scope = new CallScope();
        CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> provider(FIXED, BodyLimits.DEFAULT)
                .generate(HfFixtures.call("z-image-turbo", "x", HfFixtures.anonymous(), HfFixtures.square(),
                        NOW.plusSeconds(60), scope)), threads);

        assertTrue(z.awaitStreamOpened(10));
        scope.cancel("stopped by the user");

        var cancelled = assertInstanceOf(Outcome.NetworkError.class, running.get());
        assertEquals("cancelled: stopped by the user", cancelled.message());
    }

    @Test
    void aCompleteEventWithoutAnImageIsABadResponse() {
        z.outputs("[[],\"42\",42]");

        var bad = assertInstanceOf(Outcome.BadResponse.class, generate("z-image-turbo", HfFixtures.anonymous()));

        assertTrue(bad.message().contains("without an image"), bad.message());
    }

    @Test
    void aStreamLargerThanTheCapIsABadResponse() {
        z.stream(Plan.of(Ending.CLEAN, event("generating", "\"" + "x".repeat(20_000) + "\""), event("complete", null)));

        Outcome outcome = generate(provider(FIXED, new BodyLimits(8 * 1024, 1 << 20)), "z-image-turbo",
                HfFixtures.anonymous(), NOW.plusSeconds(20), new CallScope());

        assertInstanceOf(Outcome.BadResponse.class, outcome);
    }

    @Test
    void aRenamedEndpointIsUnavailableWhetherTheCallOrTheInfoSaysSo() {
        z.apiName("generate_v2");
        var gone = assertInstanceOf(Outcome.ModelUnavailable.class, generate("z-image-turbo", HfFixtures.anonymous()));
        assertTrue(gone.message().contains("gone or renamed"), gone.message());

        z.info(FakeGradioSpace.resource("flux-1-schnell-info.json"));
        var missing = assertInstanceOf(Outcome.ModelUnavailable.class,
                generate(provider(FIXED, BodyLimits.DEFAULT), "z-image-turbo", HfFixtures.anonymous(),
                        NOW.plusSeconds(20), new CallScope()));
        assertTrue(missing.message().contains("has no endpoint /generate (it has [/infer])"), missing.message());
    }

    @Test
    void aPausedOrCrashedSpaceIsUnavailable() {
        z.configReply(new Reply(503, "text/html", "<html><body><h1>This Space is paused</h1></body></html>"));
        assertInstanceOf(Outcome.ModelUnavailable.class, generate("z-image-turbo", HfFixtures.anonymous()));

        z.configReply(new Reply(200, "text/html", "<html><body>Runtime error: CUDA init failed</body></html>"));
        assertInstanceOf(Outcome.ModelUnavailable.class, generate("z-image-turbo", HfFixtures.anonymous()));
    }

    @Test
    void callRejectionsAreRateLimitsOrAuthFailures() {
        z.nextCallReply(new Reply(429, "application/json", "{\"detail\":\"Too Many Requests\"}"));
        z.nextCallReply(new Reply(503, "application/json", "{\"detail\":\"Queue is full! Please try again.\"}"));
        z.nextCallReply(new Reply(401, "application/json", "{\"detail\":\"Not authenticated\"}"));
        z.nextCallReply(new Reply(401, "application/json", "{\"detail\":\"Not authenticated\"}"));

        assertInstanceOf(Outcome.RateLimited.class, generate("z-image-turbo", HfFixtures.anonymous()));
        assertInstanceOf(Outcome.RateLimited.class, generate("z-image-turbo", HfFixtures.anonymous()));
        assertInstanceOf(Outcome.AuthFailed.class, generate("z-image-turbo", HfFixtures.token()));
        // without a token there is nothing to blame: the Space is just not for anonymous use
        assertInstanceOf(Outcome.ModelUnavailable.class, generate("z-image-turbo", HfFixtures.anonymous()));
    }

    // ---- the token stays home -------------------------------------------------------------------------------

    @Test
    void aFileOnAnotherHostIsFetchedWithoutTheToken() {
        z.outputs("[[{\"image\":" + FakeGradioSpace.fileData(foreign.fileUrl()) + ",\"caption\":null}],\"42\",42]");

        var success = assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.token()));

        assertEquals(foreign.fileUrl(), success.remoteUrl());
        assertEquals(1, foreign.requests().size());
        assertNull(foreign.requests().getFirst().header("x-hf-authorization"));
    }

    @Test
    void aRedirectToAnotherHostDropsTheToken() {
        z.outputs("[[{\"image\":" + FakeGradioSpace.fileData(z.url() + "/moved-file") + ",\"caption\":null}],\"42\",42]");
        z.redirectFileTo(foreign.fileUrl());

        assertInstanceOf(Outcome.Success.class, generate("z-image-turbo", HfFixtures.token()));

        Recorded moved = z.requests().stream().filter(r -> r.target().equals("/moved-file")).findFirst().orElseThrow();
        assertEquals("Bearer " + CANARY, moved.header("x-hf-authorization"));
        assertNull(foreign.requests().getFirst().header("x-hf-authorization"));
        assertNull(foreign.requests().getFirst().header("authorization"));
    }
}
