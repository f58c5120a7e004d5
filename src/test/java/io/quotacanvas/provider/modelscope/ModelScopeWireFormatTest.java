package io.quotacanvas.provider.modelscope;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.TestConfigs;
import io.quotacanvas.provider.modelscope.ModelScopeTasks.Submitted;
import io.quotacanvas.provider.modelscope.ModelScopeTasks.TaskState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The pure parts of the adapter, without network: request builders, answer parsers, the classifier,
/// the rate-limit headers and the poll interval option.
class ModelScopeWireFormatTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final String LIMIT = "{\"errors\":{\"message\":\"Request limit exceeded.\",\"request_id\":\"r\"}}";

    private static ProviderConfig config(String base) {
        return TestConfigs.provider(ProviderId.MODELSCOPE, base).build();
    }

    private static Headers figures(String account, String model) {
        Headers.Builder h = new Headers.Builder();
        if (account != null) h.add("modelscope-ratelimit-requests-remaining", account)
                .add("modelscope-ratelimit-requests-limit", "2000");
        if (model != null) h.add("modelscope-ratelimit-model-requests-remaining", model)
                .add("modelscope-ratelimit-model-requests-limit", "500");
        return h.build();
    }

    @Test
    void theSubmitTargetsTheEndpointBelowABaseWithATrailingSlash() {
        Request request = ModelScopeRequests.submit(config("https://modelscope.example/v1/"),
                TestConfigs.call(ProviderId.MODELSCOPE));

        assertEquals("https://modelscope.example/v1/images/generations", request.url().toString());
        assertEquals("POST", request.method());
        assertEquals("true", request.header("X-ModelScope-Async-Mode"));
        assertEquals("Bearer " + CANARY, request.header("Authorization"));
    }

    @Test
    void guidanceIsLeftOutWhenTheModelTakesNone() throws Exception {
        ProviderCall base = TestConfigs.call(ProviderId.MODELSCOPE);
        ProviderCall call = new ProviderCall("flux-2", "black-forest-labs/FLUX.2-dev", TestConfigs.settings(null),
                base.token(), base.deadline(), base.scope());

        Buffer buffer = new Buffer();
        ModelScopeRequests.submit(config("https://modelscope.example/v1"), call).body().writeTo(buffer);
        JsonNode body = JSON.readTree(buffer.readUtf8());

        assertFalse(body.has("guidance"));
        assertEquals("black-forest-labs/FLUX.2-dev", body.path("model").asString());
    }

    @Test
    void thePollEscapesTheTaskIdAsOnePathSegment() {
        Request poll = ModelScopeRequests.poll(config("https://modelscope.example/v1"), "a/b c",
                TestConfigs.canaryToken(ProviderId.MODELSCOPE));

        assertEquals("https://modelscope.example/v1/tasks/a%2Fb%20c", poll.url().toString());
        assertEquals("GET", poll.method());
        assertEquals("image_generation", poll.header("X-ModelScope-Task-Type"));
    }

    @Test
    void theSubmitAnswerYieldsTheTaskId() {
        assertEquals(new Submitted.Task("abc-123"),
                ModelScopeTasks.parseSubmit(200, bytes("{\"task_id\":\"abc-123\",\"request_id\":\"r\"}")));
        assertInstanceOf(Submitted.Invalid.class, ModelScopeTasks.parseSubmit(200, bytes("[1,2]")));
    }

    @Test
    void taskAnswersAreReadByStatus() {
        assertInstanceOf(TaskState.Running.class, task("{\"task_status\":\"PROCESSING\"}"));
        assertEquals("https://files.example/x.png", assertInstanceOf(TaskState.Succeeded.class,
                task("{\"task_status\":\"SUCCEED\",\"output_images\":[\"https://files.example/x.png\"]}"))
                .image().toString());
        assertEquals("no error message", assertInstanceOf(TaskState.Failed.class,
                task("{\"task_status\":\"FAILED\"}")).message());
        assertInstanceOf(TaskState.Invalid.class, task("{\"status\":\"done\"}"));
    }

    @Test
    void taskNotFoundIsRecognisedInItsWordings() {
        assertTrue(ModelScopeTasks.saysTaskNotFound("Task not found"));
        assertTrue(ModelScopeTasks.saysTaskNotFound("task abc does not exist"));
        assertFalse(ModelScopeTasks.saysTaskNotFound("model not found"));
    }

    @Test
    void a429IsTheAccountsQuotaWhenTheAccountIsSpentEvenIfTheModelIsToo() {
        var q = assertInstanceOf(Outcome.QuotaExhausted.class,
                ModelScopeFailures.classify(429, figures("0", "0"), LIMIT, NOW));

        assertFalse(q.modelOnly());
        assertNull(q.resetAt());
        assertTrue(q.message().contains("account 0/2000"), q.message());
    }

    @Test
    void a429IsAModelOnlyQuotaWhenOnlyTheModelIsSpent() {
        assertTrue(assertInstanceOf(Outcome.QuotaExhausted.class,
                ModelScopeFailures.classify(429, figures("1500", "0"), LIMIT, NOW)).modelOnly());
        assertTrue(assertInstanceOf(Outcome.QuotaExhausted.class,
                ModelScopeFailures.classify(429, figures(null, "0"), LIMIT, NOW)).modelOnly());
    }

    @Test
    void a429IsARateLimitWhileRequestsRemain() {
        Headers headers = figures("1500", "300").newBuilder().add("Retry-After", "9").build();

        var limited = assertInstanceOf(Outcome.RateLimited.class,
                ModelScopeFailures.classify(429, headers, LIMIT, NOW));

        assertEquals(Duration.ofSeconds(9), limited.retryAfter());
        assertInstanceOf(Outcome.RateLimited.class, ModelScopeFailures.classify(429, figures(null, "3"), "", NOW));
    }

    @Test
    void a429WithoutFiguresIsTheDailyQuota() {
        assertInstanceOf(Outcome.QuotaExhausted.class, ModelScopeFailures.classify(429, Headers.of(), LIMIT, NOW));
        assertInstanceOf(Outcome.QuotaExhausted.class, ModelScopeFailures.classify(429, Headers.of(), "", NOW));
    }

    @Test
    void aBadRequestAboutTheContentIsARejection() {
        assertInstanceOf(Outcome.ContentRejected.class, ModelScopeFailures.classify(400, Headers.of(),
                "{\"errors\":{\"message\":\"prompt failed content security review\"}}", NOW));
    }

    @Test
    void failedTasksAreModerationOrProviderErrors() {
        assertInstanceOf(Outcome.ContentRejected.class, ModelScopeFailures.failedTask(200, "inappropriate content"));
        assertInstanceOf(Outcome.ContentRejected.class, ModelScopeFailures.failedTask(200, "输入包含敏感信息"));
        assertInstanceOf(Outcome.ProviderError.class, ModelScopeFailures.failedTask(200, "worker lost"));
    }

    @Test
    void rateLimitHeadersAreReadAndMergedFigureByFigure() {
        QuotaSnapshot first = RateLimitHeaders.read(figures("10", "4"));
        QuotaSnapshot later = RateLimitHeaders.read(new Headers.Builder()
                .add("modelscope-ratelimit-requests-remaining", "9")
                .add("modelscope-ratelimit-model-requests-remaining", "soon").build());

        assertEquals(new QuotaSnapshot(10, 2000, 4, 500), first);
        assertEquals(new QuotaSnapshot(9, 2000, 4, 500), RateLimitHeaders.merge(first, later));
        assertTrue(RateLimitHeaders.read(Headers.of()).isEmpty());
    }


    private static TaskState task(String json) {
        return ModelScopeTasks.parseTask(200, bytes(json));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
