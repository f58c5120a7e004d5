package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageData;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.Library;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.testing.TestImages;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.ledger.SqliteLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/// The real dispatcher, walker, verdicts, slots, ledger (SQLite) and library, driven on virtual time by
/// scripted providers: a request's answer and how long it takes are the script's, so scheduling
/// properties are checked exactly and a 60 s hang costs the test nothing.
///
/// Single-threaded: `run` delivers each answer at its virtual instant, cancels as the dispatcher asks,
/// and stops when every job is done.
final class VirtualEngine implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-30T04:00:00Z");
    private static final byte[] PNG = TestImages.png(8, 8);

    /// What one request does: answer `outcome` after `took`; a null outcome hangs until cancelled.
    record Act(Duration took, Outcome outcome) {
        static Act ok(Duration took) {
            return new Act(took, new Outcome.Success(new ImageData(PNG, "png", 8, 8), null, 200));
        }

        static Act fail(Duration took, Outcome.Failure failure) {
            return new Act(took, failure);
        }

        static Act hang() {
            return new Act(null, null);
        }

        /// Hangs for `took`, then the server drops the connection.
        static Act dropAfter(Duration took) {
            return new Act(took, new Outcome.NetworkError("127.0.0.1:1 closed the connection before the answer "
                    + "was complete"));
        }
    }

    /// One request the scripted providers received.
    record Request(ProviderId provider, String tokenLabel, String model, Instant at, long jobSeq) {}

    private record Pending(Instant at, long order, Flight flight, Reply reply) {}

    final AppConfig config;
    final SqliteLedger ledger;
    final Library library;
    final Dispatcher dispatcher;
    private final TokenPool pool;
    private final RoutePlanner planner;
    private final Function<Request, Act> script;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
    final List<Request> requests = new ArrayList<>();
    final List<EngineEvent> events = new ArrayList<>();
    private final Map<Long, Instant> doneAt = new HashMap<>();
    private Instant now = T0;
    private long seq;
    private long order;
    private int maxInFlight;

    /// `yaml` is the config (tokens through `env`), `script` decides every request.
    VirtualEngine(Path dir, String yaml, Map<String, String> env, Function<Request, Act> script) throws Exception {
        this.config = TestConfigs.load(yaml, env);
        this.ledger = new SqliteLedger(dir.resolve("ledger.db"));
        this.library = new Library(dir.resolve("library"));
        this.pool = TokenPool.fromConfig(config);
        this.planner = new RoutePlanner(config, pool, Set.of(ProviderId.values()));
        this.script = script;
        SlotTable slots = new SlotTable(config.routing().perTokenConcurrency(), config.routing().maxParallel(),
                ledger, "virtual-engine");
        Verdicts verdicts = new Verdicts(config.routing(), ledger, new ProviderHealth());
        this.dispatcher = new Dispatcher(config.routing(), verdicts, new Walker(slots, verdicts), slots, Runnable::run);
    }

    Instant now() {
        return now;
    }

    /// Queues `request`'s images as a run would (prompt work aside); the futures complete as they finish.
    List<CompletableFuture<ImageResult>> submit(ImageRequest request, CallScope scope) {
        RoutePlan plan = planner.plan(request);
        var storer = new ImageStorer(library, Clock.fixed(T0, ZoneOffset.UTC), OutputPaths.NONE, null);
        List<CompletableFuture<ImageResult>> results = new ArrayList<>();
        for (int i = 0; i < request.count(); i++) {
            ImageWork job = new ImageWork(++seq, i, Engine.lanes(plan, i), request, request.prompt(), 1 + i,
                    config.routing().maxAttemptsPerImage(), scope.child(), events::add, storer, Map.of());
            plan.skipped().forEach(job.chain::add);
            long jobSeq = job.seq;
            job.result.thenRun(() -> doneAt.put(jobSeq, now));
            dispatcher.submit(job, now);
            results.add(job.result);
        }
        return results;
    }

    /// Queues a prompt step on the same queue and slots.
    CompletableFuture<TextWalker.Result> submitText(TextWalker.Task task, CallScope scope) {
        TextWork work = new TextWork(++seq, task, scope.child(), events::add);
        dispatcher.submit(work, now);
        return work.result;
    }

    static ImageRequest request(int count, Duration timeout) {
        return new ImageRequest("a fox", null, "z-image-turbo", AspectRatio.SQUARE, 1L, null, null, false, false,
                false, count, timeout);
    }

    /// Runs until every job is done, or fails the test after `limit` of virtual time.
    void run(Duration limit) {
        assertTrue(loop(now.plus(limit)), "still running after " + limit);
    }

    /// Runs until every job is done or virtual time reaches `now + span`, whichever comes first.
    void advance(Duration span) {
        loop(now.plus(span));
    }

    /// True when every job is done before `end`.
    private boolean loop(Instant end) {
        while (true) {
            for (Dispatcher.Launch launch : dispatcher.poll(now, now)) {
                send(launch);
            }
            maxInFlight = Math.max(maxInFlight, dispatcher.inFlight());
            if (deliverCancelled()) {
                continue;
            }
            if (dispatcher.idle() && pending.isEmpty()) {
                return true;
            }
            Instant next = earliest(pending.isEmpty() ? null : pending.peek().at(), dispatcher.nextWakeup(now));
            assertTrue(next != null, "stuck: jobs wait but nothing is due at " + now);
            if (next.isAfter(end)) {
                now = end;
                return false;
            }
            now = next.isAfter(now) ? next : now;
            while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
                Pending p = pending.poll();
                complete(p.flight(), p.reply());
            }
        }
    }

    /// An image request is answered by the script; a text request by its task's own call, at the instant
    /// the script gives.
    private void send(Dispatcher.Launch launch) {
        Flight f = launch.flight();
        Candidate c = f.candidate();
        Request r = new Request(c.lane().provider(), c.tokenLabel(), c.model().canonical(), now, f.job.seq);
        requests.add(r);
        Act act = script.apply(r);
        Reply reply;
        if (f.job instanceof TextWork) {
            reply = f.job.send(c, launch.deadline(), f.scope);
        } else if (act.outcome() instanceof Outcome.Success s) {
            reply = new Reply.Answer(s, 200, null);
        } else {
            reply = act.outcome() == null ? null : new Reply.Failed((Outcome.Failure) act.outcome());
        }
        pending.add(new Pending(act.took() == null ? Instant.MAX : now.plus(act.took()), ++order, f, reply));
    }

    /// A cancelled call ends at once, as OkHttp's does.
    private boolean deliverCancelled() {
        List<Pending> cancelled = pending.stream().filter(p -> p.flight().scope.isCancelled()).toList();
        for (Pending p : cancelled) {
            pending.remove(p);
            complete(p.flight(), new Reply.Failed(Outcome.NetworkError.cancelled(p.flight().scope.cancelReason())));
        }
        return !cancelled.isEmpty();
    }

    private void complete(Flight f, Reply reply) {
        dispatcher.complete(f, reply, Duration.between(f.started, now).toMillis(), now, now);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /// When the last job finished, from the start.
    Duration makespan() {
        return Duration.between(T0, doneAt.values().stream().max(Comparator.naturalOrder()).orElse(T0));
    }

    int maxInFlight() {
        return maxInFlight;
    }

    long requestsTo(ProviderId provider) {
        return requests.stream().filter(r -> r.provider() == provider).count();
    }

    @Override
    public void close() {
        library.close();
        ledger.close();
    }
}
