package io.quotacanvas.provider.a4f;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.OpenAiFamilyContract;
import io.quotacanvas.provider.TestConfigs;
import io.quotacanvas.provider.TestImages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class A4fProviderTest extends OpenAiFamilyContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected ProviderId id() {
        return ProviderId.A4F;
    }

    @Override
    protected ImageProvider newProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits) {
        return new A4fProvider(config, base, limits, Clock.systemUTC());
    }

    @Override
    protected Outcome.Failure classify(int status, Headers headers, String body, Instant now) {
        return A4fProvider.classifyError(status, headers, body, now);
    }

    @Override
    protected List<ErrorCase> realisticErrors() {
        return List.of(
                ErrorCase.of("401 invalid key", 401, """
                        {"error":{"message":"Invalid API key provided.","type":"invalid_request_error",\
                        "code":"invalid_api_key"}}""", FailureClass.AUTH_FAILED, "Invalid API key"),
                ErrorCase.of("403 plan lacks model", 403, """
                        {"error":{"message":"Your plan does not include provider-8/imagen-4",\
                        "type":"permission_error"}}""", FailureClass.AUTH_FAILED, "not allowed to use this model"),
                ErrorCase.of("402 payment", 402, "{\"error\":{\"message\":\"Payment required\"}}",
                        FailureClass.QUOTA_EXHAUSTED, "Payment required"),
                ErrorCase.of("429 insufficient quota", 429, """
                        {"error":{"message":"You have no credits left","code":"insufficient_quota"}}""",
                        FailureClass.QUOTA_EXHAUSTED, "no credits left"),
                new ErrorCase("429 rpm", 429, Headers.of("Retry-After", "20"), """
                        {"error":{"message":"Rate limit exceeded: 5 requests per minute on the free plan",\
                        "type":"rate_limit_error","code":"rate_limit_exceeded"}}""",
                        FailureClass.RATE_LIMITED, "5 requests per minute"),
                ErrorCase.of("404 model", 404, """
                        {"error":{"message":"The model `provider-9/nope` does not exist","code":"model_not_found"}}""",
                        FailureClass.MODEL_UNAVAILABLE, "provider-9/nope"),
                ErrorCase.of("400 upstream moderation", 400, """
                        {"error":{"message":"Upstream provider blocked the prompt: flagged by safety system",\
                        "type":"invalid_request_error"}}""", FailureClass.CONTENT_REJECTED, "flagged by safety"),
                ErrorCase.of("400 bad size", 400, """
                        {"error":{"message":"Invalid size 333x333","type":"invalid_request_error","param":"size"}}""",
                        FailureClass.PROVIDER_ERROR, "field 'size'"),
                ErrorCase.of("502 upstream", 502, """
                        {"error":{"message":"Upstream provider error","type":"upstream_error"}}""",
                        FailureClass.PROVIDER_ERROR, "Upstream provider error"),
                ErrorCase.of("504 gateway text", 504, "upstream request timeout",
                        FailureClass.PROVIDER_ERROR, "upstream request timeout"));
    }

    @Test
    void theRequestCarriesOnlyModelPromptNSizeAndResponseFormat() throws Exception {
        api.enqueue(json(200, urlAnswer(images.url("/fox.png").toString())));
        images.enqueue(image(TestImages.png(8, 8), "image/png"));

        assertInstanceOf(Outcome.Success.class, generate());

        RecordedRequest request = api.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/images/generations", request.getTarget());
        assertEquals("Bearer " + CANARY, request.getHeaders().get("Authorization"));
        assertEquals(JSON.readTree("""
                {"model":"z-image-turbo","prompt":"a red fox in fresh snow","n":1,"size":"1024x768",
                 "response_format":"url"}"""), JSON.readTree(request.getBody().utf8()));
    }

    @Test
    void thePureBuilderNeedsNoNetwork() {
        ProviderConfig config = TestConfigs.provider(ProviderId.A4F, "https://api.a4f.co/v1").build();

        Request request = A4fProvider.buildRequest(config, TestConfigs.call(ProviderId.A4F));

        assertEquals("https://api.a4f.co/v1/images/generations", request.url().toString());
        assertEquals("Bearer " + CANARY, request.header("Authorization"));
        assertNull(request.header("X-Failover-Enabled"));
    }

    @Test
    void quotaWithARetryAfterHintComesBackThen() {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        Outcome.Failure failure = A4fProvider.classifyError(429, Headers.of("Retry-After", "3600"),
                "{\"error\":{\"message\":\"quota exceeded\",\"code\":\"insufficient_quota\"}}", now);

        assertEquals(now.plus(Duration.ofHours(1)), ((Outcome.QuotaExhausted) failure).resetAt());
    }

    @Test
    void theForbiddenMessageSaysWhatA403MeansHere() {
        Outcome.Failure failure = A4fProvider.classifyError(403, Headers.of(),
                "{\"error\":{\"message\":\"Forbidden\"}}", Instant.now());

        assertTrue(failure.message().contains("plan"), failure.message());
    }
}
