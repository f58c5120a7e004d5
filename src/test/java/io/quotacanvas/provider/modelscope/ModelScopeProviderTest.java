package io.quotacanvas.provider.modelscope;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.TestConfigs;
import io.quotacanvas.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/// The ModelScope adapter against a loopback server speaking the async task protocol.
class ModelScopeProviderTest {
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final OkHttpClient BASE = HttpClients.newBase();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeModelScopeServer server = new FakeModelScopeServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void closeBaseClient() {
        HttpClients.shutdown(BASE);
    }

    private TestConfigs config() {
        return TestConfigs.provider(ProviderId.MODELSCOPE, server.baseUrl()).option("poll_interval", "20ms");
    }

    private Outcome generate() {
        return generate(config().build(), Clock.systemUTC(), TestConfigs.call(ProviderId.MODELSCOPE));
    }

    private Outcome generate(ProviderConfig config, Clock clock, ProviderCall call) {
        Outcome outcome = assertTimeoutPreemptively(GENEROUS,
                () -> new ModelScopeProvider(config, BASE, BodyLimits.DEFAULT, clock).generate(call));
        assertFalse(outcome.toString().contains(CANARY), "token leaked into " + outcome);
        return outcome;
    }

    @Test
    void theSubmitIsAnAsyncJsonPostWithEveryModelScopeField() throws Exception {
        assertInstanceOf(Outcome.Success.class, generate());

        RecordedRequest submit = server.submits().getFirst();
        assertEquals("/v1/images/generations", submit.getTarget());
        assertEquals("Bearer " + CANARY, submit.getHeaders().get("Authorization"));
        assertEquals("application/json", submit.getHeaders().get("Content-Type"));
        assertEquals("true", submit.getHeaders().get("X-ModelScope-Async-Mode"));
        assertEquals(JSON.readTree("""
                {"model":"z-image-turbo","prompt":"a red fox in fresh snow","size":"1024x768","seed":42,"steps":9,
                 "guidance":4.5}"""), JSON.readTree(submit.getBody().utf8()));
    }

    @Test
    void pollsCarryTheTaskTypeHeaderAndTheTokenUntilTheTaskSucceeds() {
        Outcome.Success success = assertInstanceOf(Outcome.Success.class, generate());

        List<RecordedRequest> polls = server.polls();
        assertEquals(3, polls.size(), "PENDING, RUNNING, SUCCEED");
        for (RecordedRequest poll : polls) {
            assertEquals("/v1/tasks/task-1", poll.getTarget());
            assertEquals("image_generation", poll.getHeaders().get("X-ModelScope-Task-Type"));
            assertEquals("Bearer " + CANARY, poll.getHeaders().get("Authorization"));
        }
        assertEquals(64, success.image().width());
        assertEquals(48, success.image().height());
        assertTrue(success.remoteUrl().endsWith("/results/task-1.png"), success.remoteUrl());
    }

    @Test
    void theResultIsDownloadedFromTheFileHostWithoutTheToken() {
        assertInstanceOf(Outcome.Success.class, generate());

        RecordedRequest download = server.fileRequests().getFirst();
        assertEquals("/results/task-1.png", download.getTarget());
        assertNull(download.getHeaders().get("Authorization"));
        assertFalse(download.getHeaders().toString().contains(CANARY));
    }

    @Test
    void aSuccessCarriesTheLatestRateLimitFigures() {
        server.account(CANARY, 12, 2000).model(CANARY, "z-image-turbo", 5, 500);

        Outcome.Success success = assertInstanceOf(Outcome.Success.class, generate());

        assertEquals(new QuotaSnapshot(11, 2000, 4, 500), success.quota());
    }

    @Test
    void aSuccessWithoutRateLimitHeadersCarriesNoFigures() {
        server.withoutRateLimitHeaders();

        assertNull(assertInstanceOf(Outcome.Success.class, generate()).quota());
    }

    @Test
    void aTaskNotFoundRightAfterSubmitIsOnlyTheTaskNotBeingVisibleYet() {
        server.notFoundOnce("failed");

        assertInstanceOf(Outcome.Success.class, generate());
        assertEquals(4, server.polls().size());
    }

    @Test
    void aNotFound404RightAfterSubmitIsAlsoTransient() {
        server.notFoundOnce("404");

        assertInstanceOf(Outcome.Success.class, generate());
    }

    @Test
    void aTaskStillNotFoundHalfAMinuteAfterSubmitIsAProviderError() {
        MutableClock clock = new MutableClock(Instant.now());
        server.notFoundAlways(() -> clock.advance(Duration.ofSeconds(11)));
        ProviderConfig config = config().timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofHours(1))
                .build();
        ProviderCall call = TestConfigs.call(ProviderId.MODELSCOPE, clock.instant().plus(Duration.ofHours(1)),
                new CallScope());

        Outcome.ProviderError error = assertInstanceOf(Outcome.ProviderError.class, generate(config, clock, call));

        assertTrue(error.message().contains("task not found"), error.message());
        assertEquals(3, server.polls().size(), "kept polling for 30 s, then gave up");
    }

    @Test
    void aFailedTaskIsAProviderErrorWithTheTasksMessage() {
        server.failWith("{\"errors\":{\"message\":\"GPU worker crashed\"}}");

        Outcome.ProviderError error = assertInstanceOf(Outcome.ProviderError.class, generate());

        assertEquals(200, error.httpStatus());
        assertTrue(error.message().contains("GPU worker crashed"), error.message());
        assertTrue(server.fileRequests().isEmpty());
    }

    @Test
    void aFailedTaskMayWordItsReasonAsATopLevelMessage() {
        server.failWith("{\"message\":\"out of memory\"}");

        Outcome.ProviderError error = assertInstanceOf(Outcome.ProviderError.class, generate());

        assertTrue(error.message().contains("out of memory"), error.message());
    }

    @Test
    void aTaskFailedByModerationIsAContentRejection() {
        server.failWith("{\"errors\":{\"message\":\"The input contains sensitive content and was blocked\"}}");

        Outcome.ContentRejected rejected = assertInstanceOf(Outcome.ContentRejected.class, generate());

        assertTrue(rejected.message().contains("sensitive content"), rejected.message());
    }

    @Test
    void aTaskFailedForArrearsIsTheTokensQuotaNotAProviderError() {
        // Aliyun words an account in arrears as a code beside a generic message
        server.failWith("{\"errors\":{\"code\":\"Arrearage\",\"message\":\"Access denied, please make sure your"
                + " account is in good standing.\"}}");

        Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());

        assertFalse(spent.modelOnly(), "the account is spent, for every model");
        assertTrue(spent.message().contains("Arrearage"), spent.message());
        assertTrue(server.fileRequests().isEmpty());
    }

    @Test
    void moneyOrQuotaWordingOutsideA429IsTheTokensQuota() {
        List<String> failedTasks = List.of("{\"errors\":{\"message\":\"Your balance is insufficient\"}}",
                "{\"message\":\"Free credit used up for today\"}",
                "{\"errors\":{\"message\":\"Bill overdue: please top up\"}}");
        for (String body : failedTasks) {
            server.failWith(body);
            assertInstanceOf(Outcome.QuotaExhausted.class, generate(), body);
        }
        for (int status : new int[] {400, 402, 403}) {
            server.nextSubmit(FakeModelScopeServer.json(status,
                    "{\"errors\":{\"message\":\"Your account is in arrearage, the quota cannot be used\"}}").build());

            Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());

            assertEquals(status, spent.httpStatus());
            assertFalse(spent.modelOnly());
        }
    }

    @Test
    void a403IsAboutThisTokenAndThisModelOnly() {
        server.nextSubmit(FakeModelScopeServer.json(403,
                "{\"errors\":{\"message\":\"You do not have permission to access this model\"}}").build());

        Outcome.AuthFailed denied = assertInstanceOf(Outcome.AuthFailed.class, generate());

        assertTrue(denied.modelOnly());
        assertTrue(denied.message().contains("or this model is restricted"), denied.message());
    }

    @Test
    void theAccountsLastRequestSucceedsAndTheNextOneIsTheDailyQuota() {
        server.account(CANARY, 1, 2000);

        Outcome.Success last = assertInstanceOf(Outcome.Success.class, generate());
        Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());

        assertTrue(last.quota().accountSpent());
        assertEquals(429, spent.httpStatus());
        assertFalse(spent.modelOnly());
        assertNull(spent.resetAt(), "the pipeline applies the next Beijing midnight");
        assertTrue(spent.message().contains("Request limit exceeded."), spent.message());
    }

    @Test
    void aSpentModelIsAQuotaForThatModelOnly() {
        server.model(CANARY, "z-image-turbo", 0, 500);

        Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());

        assertTrue(spent.modelOnly());
        assertTrue(server.polls().isEmpty());
    }

    @Test
    void aLimitWhileRequestsRemainIsARateLimitWithItsRetryAfter() {
        server.busyOnce(CANARY, "4");

        Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, generate());

        assertEquals(Duration.ofSeconds(4), limited.retryAfter());
    }

    @Test
    void aBare429IsTheDailyQuota() {
        server.nextSubmit(new MockResponse.Builder().code(429).build());

        Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());

        assertFalse(spent.modelOnly());
    }

    @Test
    void httpErrorsOnSubmitComeOutAsTheirFailureClass() {
        record Case(int status, String body, Class<? extends Outcome.Failure> expected, String fragment) {}
        List<Case> cases = List.of(
                new Case(401, "{\"errors\":{\"message\":\"Invalid access token\"}}", Outcome.AuthFailed.class,
                        "Invalid access token"),
                new Case(403, "{\"errors\":{\"message\":\"Forbidden\"}}", Outcome.AuthFailed.class,
                        "real-name verification"),
                new Case(404, "{\"errors\":{\"message\":\"model not found\"}}", Outcome.ModelUnavailable.class,
                        "model not found"),
                new Case(400, "{\"errors\":{\"message\":\"Model Foo/Bar is not supported\"}}",
                        Outcome.ModelUnavailable.class, "not supported"),
                new Case(400, "{\"errors\":{\"message\":\"size must be within [512, 2048]\"}}",
                        Outcome.ProviderError.class, "size must be within [512, 2048]"),
                new Case(500, "{\"errors\":{\"message\":\"internal error\"}}", Outcome.ProviderError.class,
                        "internal error"),
                new Case(502, "<html><title>502 Bad Gateway</title></html>", Outcome.ProviderError.class,
                        "502 Bad Gateway"));
        for (Case c : cases) {
            server.nextSubmit(FakeModelScopeServer.json(c.status(), c.body()).build());

            Outcome.Failure failure = assertInstanceOf(c.expected(), generate(), c.toString());

            assertEquals(c.status(), failure.httpStatus());
            assertTrue(failure.message().contains(c.fragment()), failure.message());
        }
        assertTrue(server.polls().isEmpty());
    }

    @Test
    void garbageInsteadOfATaskIsABadResponse() {
        server.nextSubmit(FakeModelScopeServer.json(200, "not json at all").build());
        server.nextSubmit(FakeModelScopeServer.json(200, "{\"request_id\":\"r1\"}").build());
        server.nextSubmit(new MockResponse.Builder().addHeader("Content-Type", "text/html")
                .body("<html><title>Just a moment...</title></html>").build());

        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("not a JSON object"));
        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("no task_id"));
        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("text/html"));
    }

    @Test
    void aTaskWithAnUnknownStatusOrNoImageIsABadResponse() {
        server.statuses("PENDING", "SOMETHING_NEW");
        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("SOMETHING_NEW"));

        server.succeedWith("{\"output_images\":[]}");
        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("output_images[0]"));

        server.succeedWith("{\"output_images\":[\"ftp://files.example/x.png\"]}");
        assertTrue(assertInstanceOf(Outcome.BadResponse.class, generate()).message().contains("not an http(s) URL"));
    }

    @Test
    void aResultUrlServingHtmlIsABadResponse() {
        server.imageReply(new MockResponse.Builder().addHeader("Content-Type", "image/png")
                .body("<html><body>Signature expired</body></html>").build());

        Outcome.BadResponse bad = assertInstanceOf(Outcome.BadResponse.class, generate());

        assertEquals("provider returned text/html instead of an image", bad.message());
    }

    @Test
    void aTaskThatNeverFinishesTimesOutAtTheDeadline() {
        server.statuses("PENDING", "RUNNING");
        ProviderCall call = TestConfigs.call(ProviderId.MODELSCOPE, Instant.now().plusMillis(400), new CallScope());

        Outcome.Timeout timeout = assertInstanceOf(Outcome.Timeout.class,
                generate(config().build(), Clock.systemUTC(), call));

        // the deadline falls between polls, or (on a loaded machine) during one: a timeout either way
        assertTrue(timeout.message().contains("did not finish") || timeout.message().contains("did not answer in time"),
                timeout.message());
        assertTrue(server.polls().size() >= 2, "it kept polling until then");
    }

    @Test
    void cancellingTheScopeStopsPollingAtOnce() throws Exception {
        server.statuses("RUNNING");
        CallScope scope = new CallScope();
        ProviderCall call = TestConfigs.call(ProviderId.MODELSCOPE, Instant.now().plusSeconds(120), scope);
        ModelScopeProvider provider = new ModelScopeProvider(config().option("poll_interval", "10m").build(), BASE,
                BodyLimits.DEFAULT, Clock.systemUTC());

        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Outcome> running = executor.submit(() -> provider.generate(call));
            while (server.submits().isEmpty()) {
                Thread.sleep(5);
            }
            scope.cancel("stopped by the user");

            Outcome outcome = running.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);

            assertEquals(Outcome.NetworkError.cancelled("stopped by the user"), outcome);
        }
        assertTrue(server.polls().isEmpty(), "a ten-minute pause was cut short without polling");
    }

    @Test
    void anErrorEchoingTheTokenIsRedactedAndModelOnlyIsKept() {
        server.nextSubmit(FakeModelScopeServer.json(401, "{\"errors\":{\"message\":\"token " + CANARY
                + " is invalid\"}}").build());
        server.nextSubmit(FakeModelScopeServer.json(429, "{\"errors\":{\"message\":\"limit for " + CANARY + "\"}}")
                .addHeader("modelscope-ratelimit-requests-remaining", "5")
                .addHeader("modelscope-ratelimit-model-requests-remaining", "0").build());

        assertTrue(assertInstanceOf(Outcome.AuthFailed.class, generate()).message().contains("…7890"));
        Outcome.QuotaExhausted spent = assertInstanceOf(Outcome.QuotaExhausted.class, generate());
        assertTrue(spent.modelOnly());
        assertTrue(spent.message().contains("…7890"), spent.message());
    }

    @Test
    void theTokenOnlyEverReachesItsOwnServer() {
        server.notFoundOnce("failed");

        assertInstanceOf(Outcome.Success.class, generate());

        assertEquals(server.submits().size() + server.polls().size(), server.requestsWithToken(CANARY));
        server.fileRequests().forEach(r -> assertFalse(r.getHeaders().toString().contains(CANARY)));
    }
}
