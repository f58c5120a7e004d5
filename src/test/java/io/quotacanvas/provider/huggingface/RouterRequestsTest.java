package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.Outcome;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RouterRequestsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = HfFixtures.NOW;

    @Test
    void theBodyCarriesPromptAndEveryParameterButANullGuidance() {
        var withGuidance = RouterRequests.body(HfFixtures.settings(new ImageSize(1024, 768), AspectRatio.LANDSCAPE_4_3, 3.5));
        var without = RouterRequests.body(HfFixtures.settings(new ImageSize(1024, 768), AspectRatio.LANDSCAPE_4_3, null));

        assertEquals(JSON.readTree("""
                {"inputs":"a red fox in fresh snow","parameters":{"width":1024,"height":768,
                 "num_inference_steps":9,"guidance_scale":3.5,"seed":42}}"""), JSON.readTree(withGuidance.toString()));
        assertEquals(JSON.readTree("""
                {"inputs":"a red fox in fresh snow","parameters":{"width":1024,"height":768,
                 "num_inference_steps":9,"seed":42}}"""), JSON.readTree(without.toString()));
    }

    @Test
    void spentMonthlyCreditsCoolUntilTheFirstOfNextMonthInBothWordings() {
        String current = "{\"error\":\"You have exceeded your monthly included credits for Inference Providers. "
                + "Subscribe to PRO to get 20x more monthly included credits.\"}";
        String older = "{\"error\":\"You have exceeded your monthly included credits for Inference Providers. "
                + "Pay-as-you-go above your included PRO quota will be available soon.\"}";

        for (String body : new String[] {current, older}) {
            var q = assertInstanceOf(Outcome.QuotaExhausted.class, RouterRequests.classify(402, Headers.of(), body, NOW));
            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), q.resetAt());
            assertTrue(q.message().contains("exceeded your monthly included credits"), q.message());
        }
    }

    @Test
    void theMonthlyResetRollsOverTheYear() {
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"),
                RouterRequests.firstOfNextMonth(Instant.parse("2026-12-31T23:59:59Z")));
    }

    @Test
    void authFailuresSayWhatIsWrongWithTheToken() {
        var bad = RouterRequests.classify(401, Headers.of(),
                "{\"error\":\"Invalid credentials in Authorization header\"}", NOW);
        var noPermission = RouterRequests.classify(403, Headers.of(), "{\"error\":\"This authentication method does"
                + " not have sufficient permissions to call Inference Providers on behalf of user fox\"}", NOW);

        assertInstanceOf(Outcome.AuthFailed.class, bad);
        assertTrue(bad.message().contains("Invalid credentials"), bad.message());
        assertInstanceOf(Outcome.AuthFailed.class, noPermission);
        assertTrue(noPermission.message().contains("lacks the \"Inference Providers\" permission"),
                noPermission.message());
    }

    @Test
    void unknownOrUnsupportedModelsAreUnavailable() {
        assertInstanceOf(Outcome.ModelUnavailable.class,
                RouterRequests.classify(404, Headers.of(), "{\"error\":\"Not Found\"}", NOW));
        assertInstanceOf(Outcome.ModelUnavailable.class, RouterRequests.classify(400, Headers.of(),
                "{\"error\":\"Model Tongyi-MAI/Z-Image-Turbo is not supported by provider hf-inference\"}", NOW));
    }

    @Test
    void rateLimitsCarryRetryAfterAndOverloadIsAProviderError() {
        var limited = assertInstanceOf(Outcome.RateLimited.class,
                RouterRequests.classify(429, Headers.of("Retry-After", "12"), "{\"error\":\"slow down\"}", NOW));
        assertEquals(Duration.ofSeconds(12), limited.retryAfter());
        var loading = RouterRequests.classify(503, Headers.of(),
                "{\"error\":\"Model is currently loading\",\"estimated_time\":20.0}", NOW);
        assertInstanceOf(Outcome.ProviderError.class, loading);
        assertTrue(loading.message().contains("model loading"), loading.message());
        assertInstanceOf(Outcome.ProviderError.class, RouterRequests.classify(504, Headers.of(), "", NOW));
    }
}
