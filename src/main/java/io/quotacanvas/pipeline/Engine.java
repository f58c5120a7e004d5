package io.quotacanvas.pipeline;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.Library;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.token.ledger.BestEffortWrites;
import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.TokenPool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/// The generation engine both front ends stand on: plans a route per request, prepares the prompt once,
/// runs the batch's images in parallel over the usable (provider, token) slots, and stores every image.
///
/// Thread-safe and long-lived: the desktop app keeps one for its whole life (token slots and provider
/// health are shared across its runs); the CLI makes one per process.
public final class Engine {
    private final EngineContext ctx;
    private final RoutePlanner planner;
    private final PromptPreparer prompts;

    public Engine(AppConfig config, Map<ProviderId, ImageProvider> providers, Ledger ledger, Library library,
                  PromptPreparer prompts, Clock clock) {
        this(config, providers, TokenPool.fromConfig(config), ledger, library, prompts, clock);
    }

    /// As above, routing over `pool` (config, environment and vault tokens) instead of the config's tokens.
    public Engine(AppConfig config, Map<ProviderId, ImageProvider> providers, TokenPool pool, Ledger ledger,
                  Library library, PromptPreparer prompts, Clock clock) {
        Map<ProviderId, ImageProvider> adapters = new EnumMap<>(ProviderId.class);
        adapters.putAll(providers);
        Clock timer = Clock.systemUTC();
        // a ledger write failing after an image was made must not lose the image (see BestEffortWrites)
        this.ctx = new EngineContext(config, Map.copyOf(adapters), new BestEffortWrites(ledger), library,
                new TokenSlots(config.routing().perTokenConcurrency(), timer), new ProviderHealth(), clock, timer);
        this.planner = new RoutePlanner(config, pool, adapters.keySet());
        this.prompts = prompts;
    }

    /// The plan a request would follow (for dry runs and the studio's pickers). Pure.
    public RoutePlan plan(ImageRequest request) {
        return planner.plan(request);
    }

    /// Generates `request.count()` images and blocks until each is stored or has failed.
    ///
    /// Events reach `listener` from worker threads as they happen. Cancelling `scope` stops the running
    /// requests at once; images already stored stay stored. Never throws for provider or storage trouble:
    /// every image ends as an [ImageResult].
    public BatchResult run(ImageRequest request, OutputPaths output, EngineListener listener, CallScope scope) {
        long t0 = System.nanoTime();
        EngineListener events = listener == null ? EngineListener.NONE : listener;
        EngineListener.safely(events, new EngineEvent.BatchStarted(-1, request.count(), ctx.clock().instant()));
        RoutePlan plan = planner.plan(request);
        // what the plan left out is announced once per batch; each image's chain still lists it
        plan.skipped().forEach(skip -> EngineListener.safely(events, new EngineEvent.CandidateSkipped(-1, skip)));
        PromptPreparer.PreparedPrompt prompt = request.optimizePrompt() || request.autoTranslate()
                ? prompts.prepare(request, plan, events, scope)
                : new PromptPreparer.PreparedPrompt(request.prompt(), List.of());
        ImageStorer storer = new ImageStorer(ctx.library(), ctx.clock(), output == null ? OutputPaths.NONE : output);
        List<ImageResult> results = runJobs(request, plan, prompt, storer, events, scope);
        BatchResult batch = new BatchResult(results, (System.nanoTime() - t0) / 1_000_000);
        EngineListener.safely(events, new EngineEvent.BatchFinished(-1, batch));
        return batch;
    }

    private List<ImageResult> runJobs(ImageRequest request, RoutePlan plan, PromptPreparer.PreparedPrompt prompt,
                                      ImageStorer storer, EngineListener events, CallScope scope) {
        Semaphore parallel = new Semaphore(Math.max(1, ctx.config().routing().maxParallel()));
        List<Future<ImageResult>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("quota-canvas-image-", 0).factory())) {
            for (int i = 0; i < request.count(); i++) {
                int index = i;
                futures.add(pool.submit(() -> runOne(request, plan, prompt, storer, events, scope, index, parallel)));
            }
            List<ImageResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), request, i, scope));
            }
            return results;
        }
    }

    private ImageResult runOne(ImageRequest request, RoutePlan plan, PromptPreparer.PreparedPrompt prompt,
                               ImageStorer storer, EngineListener events, CallScope batchScope, int index,
                               Semaphore parallel) throws InterruptedException {
        long seed = request.seed() != null ? request.seed() + index
                : ThreadLocalRandom.current().nextLong(0, Integer.MAX_VALUE);
        parallel.acquire();
        CallScope scope = batchScope.child();
        try {
            // the per-image time cap starts when the image starts, not when the batch was queued
            JobState job = new JobState(index, prompt.text(), ctx.timer().instant().plus(request.timeout()),
                    ctx.config().routing().maxAttemptsPerImage(), scope, events);
            prompt.attempts().forEach(job::add);
            ImageResult result = new ImageJob(ctx, request, plan, job, storer, seed).run();
            EngineListener.safely(events, new EngineEvent.ImageFinished(index, result));
            return result;
        } finally {
            parallel.release();
            batchScope.release(scope);
        }
    }

    private static ImageResult await(Future<ImageResult> future, ImageRequest request, int index, CallScope scope) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scope.cancel("interrupted");
            return new ImageResult.Failed(index, "cancelled", "Interrupted.", request.prompt(), List.of(), 0);
        } catch (ExecutionException e) {
            // a bug, not a provider problem: report it as a failed image rather than losing the batch
            return new ImageResult.Failed(index, "internal_error", "Internal error: " + e.getCause(),
                    request.prompt(), List.of(), 0);
        }
    }
}
