package io.quotacanvas.pipeline;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.library.Library;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.token.ledger.BestEffortWrites;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/// The generation engine every front end stands on: plans a route per request, prepares the prompt once,
/// queues the request's images with every other run's, and blocks until each is stored or has failed.
///
/// Thread-safe and long-lived: one per process. Its slots, provider health and queue are shared by all
/// runs at once (a studio queue, concurrent gateway requests), so the per-token limit and `max_parallel`
/// hold across them. Close it when the process ends.
public final class Engine implements AutoCloseable {
    private final AppConfig config;
    private final Map<ProviderId, ImageProvider> adapters;
    private final Library library;
    private final Clock clock;
    private final RoutePlanner planner;
    private final PromptPreparer prompts;
    private final EngineLoop loop;
    private final AtomicLong seq = new AtomicLong();

    /// `clock` dates what the ledger and the library remember (tests may move it); deadlines, pauses and
    /// hedges run on the system's real time, because adapters and HTTP timeouts live in real time.
    public Engine(AppConfig config, Map<ProviderId, ImageProvider> providers, TokenPool pool, Ledger ledger,
                  Library library, PromptPreparer prompts, Clock clock) {
        Map<ProviderId, ImageProvider> map = new EnumMap<>(ProviderId.class);
        map.putAll(providers);
        this.config = config;
        this.adapters = Map.copyOf(map);
        this.library = library;
        this.clock = clock;
        this.planner = new RoutePlanner(config, pool, map.keySet());
        this.prompts = prompts;
        // a ledger write failing after an image was made must not lose the image (see BestEffortWrites)
        Ledger writes = new BestEffortWrites(ledger);
        // the per-token limit holds across every process sharing the ledger, through its leases
        SlotTable slots = new SlotTable(config.routing().perTokenConcurrency(), config.routing().maxParallel(),
                writes, Ledger.newHolderId());
        Verdicts verdicts = new Verdicts(config.routing(), writes, new ProviderHealth());
        this.loop = new EngineLoop(workers -> new Dispatcher(config.routing(), verdicts, new Walker(slots, verdicts),
                slots, workers), clock, Clock.systemUTC());
    }

    /// The plan a request would follow (for dry runs and the studio's pickers). Pure.
    public RoutePlan plan(ImageRequest request) {
        return planner.plan(request);
    }

    /// Generates `request.count()` images and blocks until each is stored or has failed.
    ///
    /// Events reach `listener` from the engine's threads as they happen. Cancelling `scope` stops the run's
    /// requests at once and returns; images already stored stay stored. Never throws for provider or storage
    /// trouble: every image ends as an [ImageResult].
    public BatchResult run(ImageRequest request, OutputPaths output, EngineListener listener, CallScope scope) {
        return run(request, output, null, listener, scope);
    }

    /// As above, every image stored with `runId` (a studio batch or comparison; null: none) in its metadata,
    /// so the gallery can show the run again.
    public BatchResult run(ImageRequest request, OutputPaths output, String runId, EngineListener listener,
                           CallScope scope) {
        try (EventRelay relay = new EventRelay(listener == null ? EngineListener.NONE : listener)) {
            return runRelayed(request, output, runId, relay, scope == null ? new CallScope() : scope);
        }
    }

    private BatchResult runRelayed(ImageRequest request, OutputPaths output, String runId, EngineListener events,
                                   CallScope runScope) {
        long t0 = System.nanoTime();
        EngineListener.safely(events, new EngineEvent.BatchStarted(-1, request.count(), clock.instant()));
        RoutePlan plan = planner.plan(request);
        // what the plan left out is announced once per batch; each image's chain still lists it
        plan.skipped().forEach(skip -> EngineListener.safely(events, new EngineEvent.CandidateSkipped(-1, skip)));
        // with no route an image could take, the prompt goes nowhere (least of all to the keyless third party)
        PromptPreparer.PreparedPrompt prompt = (request.optimizePrompt() || request.autoTranslate()) && !plan.isEmpty()
                ? prompts.prepare(request, plan, texts(events, runScope), events, runScope)
                : new PromptPreparer.PreparedPrompt(request.prompt(), List.of());
        ImageStorer storer = new ImageStorer(library, clock, output == null ? OutputPaths.NONE : output, runId);
        List<ImageWork> jobs = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            long seed = request.seed() != null ? request.seed() + i
                    : ThreadLocalRandom.current().nextLong(0, Integer.MAX_VALUE);
            ImageWork job = new ImageWork(seq.incrementAndGet(), i, lanes(plan, i), request, prompt.text(), seed,
                    config.routing().maxAttemptsPerImage(), runScope.child(), events, storer, adapters);
            prompt.attempts().forEach(job.chain::add);
            plan.skipped().forEach(job.chain::add);
            job.emit(new EngineEvent.ImageStarted(i, seed));
            jobs.add(job);
        }
        jobs.forEach(loop::submit);
        List<ImageResult> results = jobs.stream().map(j -> await(j, runScope)).toList();
        jobs.forEach(j -> runScope.release(j.scope));
        BatchResult batch = new BatchResult(results, (System.nanoTime() - t0) / 1_000_000);
        EngineListener.safely(events, new EngineEvent.BatchFinished(-1, batch));
        return batch;
    }

    /// Prompt work for one run (or any caller): a [TextWalker] on this engine's queue and slots, announcing
    /// to `events` and cancelled with `runScope`.
    public TextWalker texts(EngineListener events, CallScope runScope) {
        return task -> {
            CallScope scope = runScope.child();
            TextWork work = new TextWork(seq.incrementAndGet(), task, scope, events);
            loop.submit(work);
            try {
                return work.result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                scope.cancel("interrupted");
                return work.result.join();
            } catch (ExecutionException e) {
                return new TextWalker.Result(null, List.of());
            } finally {
                runScope.release(scope);
            }
        };
    }

    /// Image `index`'s lanes: the plan's providers in its rotation, each with its tokens starting at the
    /// image's own, so a batch spreads over providers and tokens.
    static List<Lane> lanes(RoutePlan plan, int index) {
        List<Lane> lanes = new ArrayList<>();
        for (ProviderRoute route : plan.routesFor(index)) {
            List<Token> tokens = route.tokens();
            List<Token> rotated = new ArrayList<>(tokens.size());
            for (int k = 0; k < tokens.size(); k++) {
                rotated.add(tokens.get(Math.floorMod(index + k, tokens.size())));
            }
            lanes.add(new Lane(route.provider(), route.config(), route.models(), List.copyOf(rotated)));
        }
        return List.copyOf(lanes);
    }

    private static ImageResult await(ImageWork job, CallScope scope) {
        try {
            return job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scope.cancel("interrupted");
            return job.result.join();
        } catch (ExecutionException e) {
            // a bug, not a provider problem: report it as a failed image rather than losing the batch
            return new ImageResult.Failed(job.index, ErrorType.INTERNAL_ERROR, "Internal error: " + e.getCause(),
                    "", job.chain, 0);
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
