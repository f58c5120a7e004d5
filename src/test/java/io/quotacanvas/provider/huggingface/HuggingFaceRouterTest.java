package io.quotacanvas.provider.huggingface;

import static io.quotacanvas.provider.huggingface.HfFixtures.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.TestImages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/// The token router path (`hf-inference`) on a loopback server: raw image bytes back, and the router's
/// real failure answers.
class HuggingFaceRouterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient BASE = HttpClients.newBase();
    private static final Clock CLOCK = Clock.fixed(HfFixtures.NOW, ZoneOffset.UTC);

    @StartStop public final MockWebServer router = new MockWebServer();

    @AfterAll
    static void closeBase() {
        HttpClients.shutdown(BASE);
    }

    private Outcome generate(String model) {
        ProviderConfig config = HfFixtures.router(router.url("/").toString()).build();
        var call = HfFixtures.call(model, config.models().get(model), HfFixtures.token(),
                HfFixtures.settings(new ImageSize(1024, 768), AspectRatio.LANDSCAPE_4_3, 3.5),
                HfFixtures.NOW.plusSeconds(20), new CallScope());
        Outcome outcome = new HuggingFaceProvider(config, BASE, BodyLimits.DEFAULT, CLOCK).generate(call);
        assertFalse(outcome.toString().contains(CANARY), "token leaked into " + outcome);
        return outcome;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aModelWithoutASpaceIsPostedToHfInferenceWithTheBearerTokenAndItsBytesDecoded() throws Exception {
        byte[] png = TestImages.png(40, 30);
        router.enqueue(new MockResponse.Builder().addHeader("Content-Type", "image/png")
                .body(new okio.Buffer().write(png)).build());

        var success = assertInstanceOf(Outcome.Success.class, generate("sdxl"));

        assertEquals(40, success.image().width());
        assertNull(success.remoteUrl());
        RecordedRequest request = router.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/hf-inference/models/stabilityai/stable-diffusion-xl-base-1.0", request.getTarget());
        assertEquals("Bearer " + CANARY, request.getHeaders().get("Authorization"));
        assertNull(request.getHeaders().get("x-hf-authorization"));
        assertEquals(JSON.readTree("""
                {"inputs":"a red fox in fresh snow","parameters":{"width":1024,"height":768,
                 "num_inference_steps":9,"guidance_scale":3.5,"seed":42}}"""), JSON.readTree(request.getBody().utf8()));
    }

    @Test
    void spentCreditsAreQuotaUntilTheFirstOfNextMonth() {
        router.enqueue(json(402, "{\"error\":\"You have exceeded your monthly included credits for Inference"
                + " Providers. Subscribe to PRO to get 20x more monthly included credits.\"}"));

        var quota = assertInstanceOf(Outcome.QuotaExhausted.class, generate("sdxl"));

        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), quota.resetAt());
    }

    @Test
    void routerFailuresAreClassifiedByStatus() {
        router.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));
        router.enqueue(json(403, "{\"error\":\"This authentication method does not have sufficient permissions\"}"));
        router.enqueue(json(404, "{\"error\":\"Model not found\"}"));
        router.enqueue(json(503, "{\"error\":\"Model stabilityai/stable-diffusion-xl-base-1.0 is currently loading\"}"));
        router.enqueue(json(200, "{\"generated\":\"nothing\"}"));

        assertInstanceOf(Outcome.AuthFailed.class, generate("sdxl"));
        assertInstanceOf(Outcome.AuthFailed.class, generate("sdxl"));
        assertInstanceOf(Outcome.ModelUnavailable.class, generate("sdxl"));
        assertInstanceOf(Outcome.ProviderError.class, generate("sdxl"));
        var bad = assertInstanceOf(Outcome.BadResponse.class, generate("sdxl"));
        assertTrue(bad.message().contains("JSON"), bad.message());
    }

    @Test
    void aMessageEchoingTheTokenIsRedacted() {
        router.enqueue(json(401, "{\"error\":\"token " + CANARY + " is invalid\"}"));

        var auth = assertInstanceOf(Outcome.AuthFailed.class, generate("sdxl"));

        assertTrue(auth.message().contains("is invalid"), auth.message());
    }
}
