package io.quotacanvas.provider.openai;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import okio.Buffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiCompatibleProviderTest extends OpenAiFamilyContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected ProviderId id() {
        return ProviderId.OPENAI_COMPATIBLE;
    }

    @Override
    protected ImageProvider newProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits) {
        return new OpenAiCompatibleProvider(config, base, limits, Clock.systemUTC());
    }

    @Override
    protected Outcome.Failure classify(int status, Headers headers, String body, Instant now) {
        return OpenAiCompatibleProvider.classifyError(status, headers, body, now);
    }

    @Override
    protected List<ErrorCase> realisticErrors() {
        return List.of(
                ErrorCase.of("401 invalid_api_key", 401, """
                        {"error":{"message":"Incorrect API key provided: sk-canar**********7890. You can find your \
                        API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error",\
                        "param":null,"code":"invalid_api_key"}}""", FailureClass.AUTH_FAILED, "Incorrect API key"),
                ErrorCase.of("403 region", 403, """
                        {"error":{"message":"Country, region, or territory not supported","type":"request_forbidden",\
                        "param":null,"code":"unsupported_country_region_territory"}}""",
                        FailureClass.AUTH_FAILED, "region"),
                ErrorCase.of("429 insufficient_quota", 429, """
                        {"error":{"message":"You exceeded your current quota, please check your plan and billing \
                        details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""",
                        FailureClass.QUOTA_EXHAUSTED, "current quota"),
                new ErrorCase("429 rate_limit_exceeded", 429, Headers.of("retry-after-ms", "1500"), """
                        {"error":{"message":"Rate limit reached for gpt-image-1 in organization org-x on images per \
                        minute: Limit 5, Used 5. Please try again in 12s.","type":"requests",\
                        "code":"rate_limit_exceeded"}}""", FailureClass.RATE_LIMITED, "Rate limit reached"),
                ErrorCase.of("404 model_not_found", 404, """
                        {"error":{"message":"The model `gpt-image-9` does not exist or you do not have access to it.",\
                        "type":"invalid_request_error","param":null,"code":"model_not_found"}}""",
                        FailureClass.MODEL_UNAVAILABLE, "gpt-image-9"),
                ErrorCase.of("400 content_policy_violation", 400, """
                        {"error":{"message":"Your request was rejected as a result of our safety system.",\
                        "type":"invalid_request_error","param":null,"code":"content_policy_violation"}}""",
                        FailureClass.CONTENT_REJECTED, "safety system"),
                ErrorCase.of("400 moderation_blocked", 400, """
                        {"error":{"message":"Request was rejected by the image generator.",\
                        "type":"image_generation_user_error","param":null,"code":"moderation_blocked"}}""",
                        FailureClass.CONTENT_REJECTED, "rejected by the image generator"),
                ErrorCase.of("400 invalid size", 400, """
                        {"error":{"message":"Invalid value: '333x333'. Supported values are: '1024x1024', \
                        '1024x1536', '1536x1024', and 'auto'.","type":"invalid_request_error","param":"size",\
                        "code":"invalid_value"}}""", FailureClass.PROVIDER_ERROR, "field 'size'"),
                ErrorCase.of("422 validation", 422, """
                        {"detail":[{"loc":["body","prompt"],"msg":"field required","type":"value_error.missing"}]}""",
                        FailureClass.PROVIDER_ERROR, "field required"),
                ErrorCase.of("500 server_error", 500, """
                        {"error":{"message":"The server had an error while processing your request.",\
                        "type":"server_error","param":null,"code":null}}""",
                        FailureClass.PROVIDER_ERROR, "server had an error"),
                ErrorCase.of("503 overloaded", 503, """
                        {"error":{"message":"The engine is currently overloaded, please try again later",\
                        "type":"server_error"}}""", FailureClass.PROVIDER_ERROR, "overloaded"),
                ErrorCase.of("408 timeout", 408, "", FailureClass.PROVIDER_ERROR, "HTTP 408"),
                ErrorCase.of("409 conflict", 409, "{\"error\":{\"message\":\"Conflict\"}}",
                        FailureClass.PROVIDER_ERROR, "Conflict"));
    }

    @Test
    void theRequestAsksForB64JsonByDefaultAndSendsNoSeed() throws Exception {
        api.enqueue(json(200, b64Answer(TestImages.png(8, 8))));

        assertInstanceOf(Outcome.Success.class, generate());

        RecordedRequest request = api.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/images/generations", request.getTarget());
        assertEquals("Bearer " + CANARY, request.getHeaders().get("Authorization"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals(JSON.readTree("""
                {"model":"z-image-turbo","prompt":"a red fox in fresh snow","n":1,"size":"1024x768",
                 "response_format":"b64_json"}"""), JSON.readTree(request.getBody().utf8()));
    }

    @Test
    void sendSeedAndResponseFormatOptionsShapeTheBody() throws Exception {
        ProviderConfig config = config().option("send_seed", "true").option("response_format", "url").build();

        JsonNode body = bodyOf(OpenAiCompatibleProvider.buildRequest(config, TestConfigs.call(id())));

        assertEquals(42L, body.path("seed").asLong());
        assertEquals("url", body.path("response_format").asString());
    }

    @Test
    void responseFormatOmitSendsNoSuchFieldAndTheB64AnswerIsRead() throws Exception {
        // OpenAI's gpt-image models always answer b64_json and reject the field itself
        api.enqueue(json(200, b64Answer(TestImages.png(8, 8))));

        Outcome outcome = generate(config().option("response_format", "omit").build(), BodyLimits.DEFAULT);

        assertInstanceOf(Outcome.Success.class, outcome);
        JsonNode body = JSON.readTree(api.takeRequest().getBody().utf8());
        assertFalse(body.has("response_format"), body.toString());
    }

    @Test
    void a400RejectingResponseFormatIsModelUnavailableWithTheOptionThatFixesIt() throws Exception {
        // OpenAI's answer to gpt-image-1 given response_format (vercel/ai#6102, genkit-ai/genkit#3346)
        api.enqueue(json(400, """
                {"error":{"message":"Unknown parameter: 'response_format'.","type":"invalid_request_error",
                 "param":"response_format","code":"unknown_parameter"}}"""));

        Outcome.ModelUnavailable failure = assertInstanceOf(Outcome.ModelUnavailable.class, generate());

        assertEquals(400, failure.httpStatus());
        assertTrue(failure.message().contains("Unknown parameter: 'response_format'."), failure.message());
        assertTrue(failure.message().contains("options.response_format: omit"), failure.message());
        assertEquals(1, api.getRequestCount(), "not retried: the same body fails the same way");
    }

    @Test
    void siliconFlowsImagesListIsReadLikeData() throws Exception {
        api.enqueue(json(200, "{\"images\":[{\"url\":\"" + api.url("/files/sf.png") + "\"}],"
                + "\"timings\":{\"inference\":1.2},\"seed\":42}"));
        api.enqueue(image(TestImages.png(8, 8), "image/png"));

        Outcome.Success ok = assertInstanceOf(Outcome.Success.class, generate());

        assertEquals(api.url("/files/sf.png").toString(), ok.remoteUrl());
    }

    @Test
    void noSeedUnlessAskedFor() throws Exception {
        ProviderConfig config = config().option("send_seed", "false").build();

        assertFalse(bodyOf(OpenAiCompatibleProvider.buildRequest(config, TestConfigs.call(id()))).has("seed"));
    }

    @Test
    void anAnonymousCallCarriesNoAuthorization() {
        var base = TestConfigs.call(id());
        var call = new io.quotacanvas.provider.ProviderCall(base.canonicalModel(), base.providerModel(),
                base.settings(), io.quotacanvas.core.Token.anonymous(id()), base.deadline(), base.scope());

        assertNull(OpenAiCompatibleProvider.buildRequest(config().build(), call).header("Authorization"));
    }

    @Test
    void aRateLimitTakesRetryAfterMsOverRetryAfter() {
        Outcome.Failure failure = OpenAiCompatibleProvider.classifyError(429,
                Headers.of("retry-after-ms", "1500", "Retry-After", "2"),
                "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}", Instant.now());

        assertEquals(Duration.ofMillis(1500), ((Outcome.RateLimited) failure).retryAfter());
    }

    @Test
    void quotaWithoutAHintLeavesTheResetToTheLedger() {
        Outcome.Failure failure = OpenAiCompatibleProvider.classifyError(429, Headers.of(),
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":\"insufficient_quota\"}}",
                Instant.now());

        assertNull(((Outcome.QuotaExhausted) failure).resetAt());
    }

    @Test
    void aRawImageBodyIsAcceptedToo() {
        api.enqueue(image(TestImages.png(20, 10), "image/png"));

        Outcome.Success success = assertInstanceOf(Outcome.Success.class, generate());

        assertEquals(20, success.image().width());
    }

    static JsonNode bodyOf(Request request) throws Exception {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return JSON.readTree(buffer.readUtf8());
    }
}
