package io.quotacanvas.provider.gitee;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.OpenAiFamilyContract;
import io.quotacanvas.provider.ProviderCall;
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

class GiteeProviderTest extends OpenAiFamilyContract {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected ProviderId id() {
        return ProviderId.GITEE;
    }

    @Override
    protected ImageProvider newProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits) {
        return new GiteeProvider(config, base, limits, Clock.systemUTC());
    }

    @Override
    protected Outcome.Failure classify(int status, Headers headers, String body, Instant now) {
        return GiteeProvider.classifyError(status, headers, body, now);
    }

    @Override
    protected List<ErrorCase> realisticErrors() {
        return List.of(
                ErrorCase.of("401 bad token", 401, "{\"message\":\"Unauthorized: invalid access token\"}",
                        FailureClass.AUTH_FAILED, "invalid access token"),
                ErrorCase.of("403 token without a package", 403,
                        "{\"error\":\"access_denied\",\"message\":\"当前令牌未绑定该模型的资源包\"}",
                        FailureClass.AUTH_FAILED, "not bound to a resource package"),
                ErrorCase.of("402 balance", 402, "{\"message\":\"Insufficient balance\"}",
                        FailureClass.QUOTA_EXHAUSTED, "Insufficient balance"),
                ErrorCase.of("429 package used up", 429,
                        "{\"error\":{\"message\":\"Your free quota for today has been used up\"}}",
                        FailureClass.QUOTA_EXHAUSTED, "free quota"),
                ErrorCase.of("403 arrears", 403, "{\"error\":\"arrearage\",\"message\":\"账户已欠费\"}",
                        FailureClass.QUOTA_EXHAUSTED, "账户已欠费"),
                new ErrorCase("429 slow down", 429, Headers.of("Retry-After", "7"),
                        "{\"message\":\"Too many requests, please slow down\"}", FailureClass.RATE_LIMITED,
                        "slow down"),
                ErrorCase.of("404 model", 404, "{\"message\":\"Model z-image-turbo-x not found\"}",
                        FailureClass.MODEL_UNAVAILABLE, "not found"),
                ErrorCase.of("400 model not supported", 400,
                        "{\"error\":\"invalid_model\",\"message\":\"The model FLUX.1-foo is not supported\"}",
                        FailureClass.MODEL_UNAVAILABLE, "FLUX.1-foo"),
                ErrorCase.of("400 sensitive prompt", 400, "{\"message\":\"prompt contains sensitive content\"}",
                        FailureClass.CONTENT_REJECTED, "sensitive"),
                ErrorCase.of("400 bad width", 400, "{\"message\":\"width must be a multiple of 16\"}",
                        FailureClass.PROVIDER_ERROR, "width must be a multiple of 16"),
                ErrorCase.of("502 gateway page", 502,
                        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
                        FailureClass.PROVIDER_ERROR, "502 Bad Gateway"),
                ErrorCase.of("503 no compute", 503, "{\"message\":\"No available compute resources\"}",
                        FailureClass.PROVIDER_ERROR, "No available compute"));
    }

    @Test
    void theRequestIsAJsonPostWithEveryGiteeFieldAndNoN() throws Exception {
        api.enqueue(json(200, b64Answer(TestImages.png(8, 8))));

        generate();

        RecordedRequest request = api.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/v1/images/generations", request.getTarget());
        assertEquals("Bearer " + CANARY, request.getHeaders().get("Authorization"));
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
        assertNull(request.getHeaders().get("X-Failover-Enabled"));
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertEquals(JSON.readTree("""
                {"model":"z-image-turbo","prompt":"a red fox in fresh snow","width":1024,"height":768,
                 "num_inference_steps":9,"guidance_scale":4.5,"seed":42,"response_format":"url"}"""), body);
    }

    @Test
    void failoverOptionAddsTheFailoverHeader() throws Exception {
        ProviderConfig config = config().option("failover", "true").build();

        Request request = GiteeProvider.buildRequest(config, TestConfigs.call(ProviderId.GITEE));

        assertEquals("true", request.header("X-Failover-Enabled"));
    }

    @Test
    void guidanceIsLeftOutWhenTheModelTakesNone() throws Exception {
        ProviderCall base = TestConfigs.call(ProviderId.GITEE);
        ProviderCall call = new ProviderCall(base.canonicalModel(), "FLUX.1-schnell", TestConfigs.settings(null),
                base.token(), base.deadline(), base.scope());

        JsonNode body = bodyOf(GiteeProvider.buildRequest(config().build(), call));

        assertFalse(body.has("guidance_scale"));
        assertEquals("FLUX.1-schnell", body.path("model").asString());
    }

    @Test
    void thePureBuilderTargetsTheEndpointBelowABaseWithATrailingSlash() {
        ProviderConfig config = TestConfigs.provider(ProviderId.GITEE, "https://gitee.example/v1/").build();

        Request request = GiteeProvider.buildRequest(config, TestConfigs.call(ProviderId.GITEE));

        assertEquals("https://gitee.example/v1/images/generations", request.url().toString());
        assertEquals("Bearer " + CANARY, request.header("Authorization"));
        assertEquals("POST", request.method());
    }

    @Test
    void a403IsAboutThisTokenAndThisModelOnly() {
        Outcome.AuthFailed denied = (Outcome.AuthFailed) GiteeProvider.classifyError(403, Headers.of(),
                "{\"error\":\"access_denied\",\"message\":\"当前令牌未绑定该模型的资源包\"}", Instant.now());

        assertTrue(denied.modelOnly(), "the token may have a package for other models");
        assertFalse(((Outcome.AuthFailed) GiteeProvider.classifyError(401, Headers.of(),
                "{\"message\":\"Unauthorized: invalid access token\"}", Instant.now())).modelOnly());
    }

    @Test
    void aRateLimitCarriesTheRetryAfterHint() {
        Outcome.Failure failure = GiteeProvider.classifyError(429, Headers.of("Retry-After", "7"),
                "{\"message\":\"Too many requests\"}", Instant.now());

        assertEquals(Duration.ofSeconds(7), ((Outcome.RateLimited) failure).retryAfter());
    }

    static JsonNode bodyOf(Request request) throws Exception {
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return JSON.readTree(buffer.readUtf8());
    }
}
