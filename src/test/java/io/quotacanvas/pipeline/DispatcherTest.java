package io.quotacanvas.pipeline;

import static io.quotacanvas.pipeline.VirtualEngine.Act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.CallScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Scheduling properties of the dispatcher, on virtual time with scripted providers: exact makespans,
/// which provider got which request, and what the attempts say of each.
class DispatcherTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Map<String, String> TWO_AND_TWO = Map.of("QUOTA_CANVAS_GITEE_TOKENS", "gitee-one,gitee-two",
            "QUOTA_CANVAS_A4F_TOKENS", "a4f-one,a4f-two");

    @TempDir
    Path dir;
    private VirtualEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private static String config(String routingExtras) {
        return """
                routing:
                  provider_order: [gitee, a4f]
                  max_parallel: 8
                  hang_after: 10s
                %s
                """.formatted(routingExtras);
    }

    private VirtualEngine engine(String routingExtras, Function<VirtualEngine.Request, Act> script) throws Exception {
        engine = new VirtualEngine(dir, config(routingExtras), TWO_AND_TWO, script);
        return engine;
    }

    private static List<ImageResult> results(List<CompletableFuture<ImageResult>> futures) {
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static long generated(List<ImageResult> results) {
        return results.stream().filter(r -> r instanceof ImageResult.Generated).count();
    }

    private List<AttemptRecord> requestRecords(List<ImageResult> results) {
        return results.stream().flatMap(r -> r.attempts().stream())
                .filter(a -> a.step() == AttemptStep.GENERATE && !a.skipped()).toList();
    }

    @Test
    void eightImagesOverFourHealthySlotsTakeTwoRounds() throws Exception {
        engine("", r -> Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(60)), new CallScope());
        engine.run(Duration.ofMinutes(1));
        List<ImageResult> results = results(futures);

        assertEquals(8, generated(results));
        assertEquals(Duration.ofSeconds(2), engine.makespan());
        assertEquals(4, engine.maxInFlight());
        assertEquals(4, engine.requestsTo(ProviderId.GITEE));
        assertEquals(4, engine.requestsTo(ProviderId.A4F));
    }

    @Test
    void aSpentTokenNeverIdlesThePool() throws Exception {
        engine("", r -> r.tokenLabel().startsWith("gitee#1")
                ? Act.fail(Duration.ofMillis(100), new Outcome.QuotaExhausted(429, "daily quota used up", null))
                : Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(60)), new CallScope());
        engine.run(Duration.ofMinutes(1));
        List<ImageResult> results = results(futures);

        // three usable slots: ceil(8 / 3) rounds of one second, the spent token's 0.1 s answer inside the first
        assertEquals(8, generated(results));
        assertEquals(Duration.ofSeconds(3), engine.makespan());
        assertEquals(1, engine.requests.stream().filter(r -> r.tokenLabel().startsWith("gitee#1")).count(),
                "the spent token is asked once, then rests");
        assertEquals(engine.requests.size(), requestRecords(results).size(), "every request is one attempt record");
    }

    @Test
    void aHangThenADroppedConnectionCostsOneHangNotTheBatch() throws Exception {
        engine("", r -> r.provider() == ProviderId.GITEE ? Act.dropAfter(Duration.ofSeconds(15)) : Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(60)), new CallScope());
        engine.run(Duration.ofMinutes(2));
        List<ImageResult> results = results(futures);

        assertEquals(8, generated(results));
        assertEquals(Duration.ofSeconds(16), engine.makespan(), "one hang, then the two stuck images on a4f");
        assertEquals(2, engine.requestsTo(ProviderId.GITEE), "no same-token retry after a hang");
        assertEquals(8, engine.requestsTo(ProviderId.A4F));
        List<AttemptRecord> gitee = requestRecords(results).stream()
                .filter(a -> a.provider() == ProviderId.GITEE).toList();
        assertEquals(List.of(AttemptOutcome.CANCELLED, AttemptOutcome.NETWORK_ERROR),
                gitee.stream().map(AttemptRecord::outcome).sorted().toList());
        assertTrue(engine.events.stream().anyMatch(e -> e instanceof EngineEvent.ProviderMarkedDown d
                && d.provider() == ProviderId.GITEE));
        assertFalse(engine.events.stream().anyMatch(e -> e instanceof EngineEvent.ProviderMarkedDown d
                && d.provider() == ProviderId.A4F));
    }

    @Test
    void hedgingStartsASecondAttemptElsewhereAndTheFirstAnswerWins() throws Exception {
        engine("  hedge_after: 5s", r -> r.provider() == ProviderId.GITEE ? Act.hang() : Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(60)), new CallScope());
        engine.run(Duration.ofMinutes(2));
        List<ImageResult> results = results(futures);

        assertEquals(8, generated(results));
        assertEquals(Duration.ofSeconds(6), engine.makespan());
        for (ImageResult r : results) {
            assertInstanceOf(ImageResult.Generated.class, r);
            assertEquals(ProviderId.A4F, ((ImageResult.Generated) r).provider());
        }
        long hedgedAway = requestRecords(results).stream().filter(a -> a.outcome() == AttemptOutcome.CANCELLED
                && a.message().contains("answered first")).count();
        assertEquals(2, hedgedAway, "both stuck gitee calls are in the chain, cancelled by the hedge's win");
    }

    @Test
    void withoutHedgingAHangingProviderHoldsItsImagesUntilTheirTimeLimit() throws Exception {
        engine("", r -> r.provider() == ProviderId.GITEE ? Act.hang() : Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(30)), new CallScope());
        engine.run(Duration.ofMinutes(2));
        List<ImageResult> results = results(futures);

        assertEquals(6, generated(results));
        for (ImageResult r : results) {
            if (r instanceof ImageResult.Failed f) {
                assertEquals(ErrorType.TIMEOUT, f.errorType());
                AttemptRecord cut = f.attempts().getLast();
                assertEquals(AttemptOutcome.CANCELLED, cut.outcome(), "the image's own deadline, not gitee's timeout");
                assertTrue(cut.message().contains("time limit of 30 s"), cut.message());
            }
        }
        assertFalse(engine.events.stream().anyMatch(e -> e instanceof EngineEvent.ProviderMarkedDown),
                "an attempt cut by the image's deadline says nothing about the provider");
    }

    @Test
    void aProviderGoingDownMidBatchSendsTheRestElsewhere() throws Exception {
        engine("", r -> r.provider() == ProviderId.GITEE && r.at().isAfter(VirtualEngine.T0)
                ? Act.fail(Duration.ofMillis(200), new Outcome.ProviderError(503, "upstream overloaded"))
                : Act.ok(SECOND));

        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(8, Duration.ofSeconds(60)), new CallScope());
        engine.run(Duration.ofMinutes(1));
        List<ImageResult> results = results(futures);

        assertEquals(8, generated(results));
        // the two images on gitee's tokens in the second round each get one same-token retry; then gitee rests
        List<AttemptRecord> failures = requestRecords(results).stream()
                .filter(a -> a.outcome() == AttemptOutcome.PROVIDER_ERROR).toList();
        assertEquals(4, failures.size());
        var down = engine.events.stream().filter(e -> e instanceof EngineEvent.ProviderMarkedDown)
                .map(e -> (EngineEvent.ProviderMarkedDown) e).toList();
        assertEquals(1, down.size(), "announced once");
        var downAt = down.getFirst().until().minus(engine.config.routing().providerCooldown());
        assertEquals(VirtualEngine.T0.plusMillis(1650), downAt);
        assertEquals(0, engine.requests.stream().filter(r -> r.provider() == ProviderId.GITEE
                && !r.at().isBefore(downAt)).count(), "no image is sent to gitee while it rests");
    }

    @Test
    void aCancelledRunEndsAtOnceAndOnlyThatRun() throws Exception {
        engine("", r -> Act.ok(SECOND));
        CallScope first = new CallScope();
        List<CompletableFuture<ImageResult>> cancelled = engine.submit(VirtualEngine.request(8,
                Duration.ofSeconds(60)), first);
        List<CompletableFuture<ImageResult>> other = engine.submit(VirtualEngine.request(2, Duration.ofSeconds(60)),
                new CallScope());
        engine.advance(Duration.ofMillis(1500));

        first.cancel("stopped by the user");
        engine.advance(Duration.ZERO);

        List<ImageResult> results = cancelled.stream().map(f -> f.getNow(null)).toList();
        assertTrue(results.stream().allMatch(r -> r != null), "every image of the run is answered at once");
        assertEquals(4, generated(results), "the first round was stored before the cancel");
        assertTrue(results.stream().filter(r -> r instanceof ImageResult.Failed)
                .allMatch(r -> ((ImageResult.Failed) r).errorType() == ErrorType.CANCELLED));
        engine.run(Duration.ofMinutes(1));
        assertEquals(2, generated(results(other)), "the other run goes on");
    }

    @Test
    void promptWorkTakesTokenSlotsLikeImages() throws Exception {
        engine("  per_token_concurrency: 1", r -> Act.ok(SECOND));
        var plan = new RoutePlanner(engine.config, io.quotacanvas.token.TokenPool.fromConfig(engine.config),
                java.util.Set.of(ProviderId.values())).plan(VirtualEngine.request(1, Duration.ofSeconds(60)));
        var route = plan.routes().getFirst();
        TextWalker.Task task = new TextWalker.Task(AttemptStep.OPTIMIZE, List.of(new TextWalker.Route(route.provider(),
                route.config(), "DeepSeek-V3.2", route.tokens())), (rt, t, d, s) -> new TextWalker.Reply.Text("x"), 4,
                Duration.ofSeconds(30));
        List<CompletableFuture<ImageResult>> images = engine.submit(VirtualEngine.request(4, Duration.ofSeconds(60)),
                new CallScope());
        CompletableFuture<TextWalker.Result> text = engine.submitText(task, new CallScope());

        engine.run(Duration.ofMinutes(1));

        assertEquals(4, generated(results(images)));
        assertEquals("x", text.join().text());
        assertEquals(4, engine.maxInFlight(), "four tokens, one request each, text or image");
    }

    @Test
    void twoPromptStepsOnTheKeylessEndpointAtOnceGiveBothSlotsBack() throws Exception {
        // regression: slots compared by value, so two keyless slots held at once leaked one of max_parallel
        engine("", r -> Act.ok(SECOND));
        TextWalker.Task task = new TextWalker.Task(AttemptStep.OPTIMIZE, List.of(TextWalker.Route.keyless(
                "openai-fast")), (rt, t, d, s) -> new TextWalker.Reply.Text("x"), 4, Duration.ofSeconds(30));
        CompletableFuture<TextWalker.Result> one = engine.submitText(task, new CallScope());
        CompletableFuture<TextWalker.Result> two = engine.submitText(task, new CallScope());

        engine.run(Duration.ofMinutes(1));

        assertEquals("x", one.join().text());
        assertEquals("x", two.join().text());
        assertEquals(2, engine.maxInFlight());
        assertEquals(0, engine.dispatcher.inFlight(), "every slot is back");
    }

    @Test
    void aHedgeThatWinsDuringTheRetryPauseGivesThePinnedSlotBack() throws Exception {
        // regression: the slot (and lease) held for a same-token retry leaked when a hedge won in the pause
        engine("  hedge_after: 5s", r -> r.provider() == ProviderId.GITEE
                ? Act.fail(Duration.ofMillis(5_050), new Outcome.ProviderError(503, "overloaded"))
                : Act.ok(Duration.ofMillis(100)));
        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(1, Duration.ofSeconds(60)),
                new CallScope());

        engine.run(Duration.ofMinutes(2));

        assertEquals(1, generated(results(futures)));
        assertEquals(0, engine.dispatcher.inFlight(), "no slot is held after the image is decided");
        for (var token : io.quotacanvas.token.TokenPool.fromConfig(engine.config).tokens(ProviderId.GITEE)) {
            assertEquals(0, engine.ledger.leasesInFlight(token, engine.now()), "no lease is left behind");
        }
    }

    @Test
    void aQuickServerErrorDoesNotCutTheProvidersHealthyLongCalls() throws Exception {
        // a provider marked down after a 5xx and its retry: calls that are merely long (a queued Space, a
        // ModelScope task) are not stuck, so they are left to finish
        engine = new VirtualEngine(dir, """
                routing:
                  provider_order: [gitee]
                  hang_after: 10s
                """, Map.of("QUOTA_CANVAS_GITEE_TOKENS", "gitee-one,gitee-two"), r -> {
                    if (r.jobSeq() == 1) {
                        return Act.ok(Duration.ofSeconds(40));
                    }
                    return r.jobSeq() == 2 ? Act.ok(Duration.ofSeconds(20))
                            : Act.fail(Duration.ofMillis(100), new Outcome.ProviderError(500, "boom"));
                });
        List<CompletableFuture<ImageResult>> futures = engine.submit(VirtualEngine.request(3, Duration.ofSeconds(60)),
                new CallScope());

        engine.run(Duration.ofMinutes(2));

        List<ImageResult> results = results(futures);
        assertInstanceOf(ImageResult.Generated.class, results.get(0), "the 40 s call was left to finish");
        assertInstanceOf(ImageResult.Generated.class, results.get(1));
        assertEquals(ErrorType.PROVIDER_ERROR, assertInstanceOf(ImageResult.Failed.class, results.get(2)).errorType());
        assertEquals(0, requestRecords(results).stream().filter(a -> a.outcome() == AttemptOutcome.CANCELLED).count());
    }

    @Test
    void aFailureThatComesAsTheStepsTimeRunsOutIsOursAndTheEndpointStaysUp() throws Exception {
        // regression: the keyless lane had no limit of its own, so the adapter's timeout fired at the step's
        // own deadline and the endpoint was marked down for it
        engine("", r -> Act.fail(Duration.ofSeconds(5), new Outcome.Timeout("did not answer in time")));
        TextWalker.Task slow = new TextWalker.Task(AttemptStep.OPTIMIZE, List.of(TextWalker.Route.keyless(
                "openai-fast")), (rt, t, d, s) -> new TextWalker.Reply.Failed(new Outcome.Timeout("did not answer in time")),
                4, Duration.ofSeconds(5));

        CompletableFuture<TextWalker.Result> cut = engine.submitText(slow, new CallScope());
        engine.run(Duration.ofMinutes(1));

        TextWalker.Result result = cut.join();
        assertNull(result.text());
        assertEquals(List.of(AttemptOutcome.CANCELLED), result.attempts().stream().map(AttemptRecord::outcome).toList());
        assertFalse(engine.events.stream().anyMatch(e -> e instanceof EngineEvent.ProviderMarkedDown),
                "the step's own time limit says nothing about the endpoint");
    }
}
