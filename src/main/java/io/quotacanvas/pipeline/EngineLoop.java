package io.quotacanvas.pipeline;

import io.quotacanvas.core.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/// Drives the [Dispatcher] in real time: one daemon thread owns it and applies, in order, the jobs
/// submitted and the attempts finished; each request goes out on its own virtual thread and reports back
/// here. Thread-safe entry points: [#submit] and [#wake].
final class EngineLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EngineLoop.class.getName());
    /// The longest the loop sleeps without an event (cancellations and due timers wake it sooner).
    private static final long MAX_SLEEP_MILLIS = 1000;

    private final Dispatcher dispatcher;
    private final Clock clock;
    private final Clock timer;
    private final LinkedBlockingQueue<Consumer<Dispatcher>> inbox = new LinkedBlockingQueue<>();
    private final ExecutorService calls;
    private final Thread thread;
    private volatile boolean closed;

    EngineLoop(java.util.function.Function<ExecutorService, Dispatcher> dispatcher, Clock clock, Clock timer) {
        this.calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("quota-canvas-call-", 0).factory());
        this.dispatcher = dispatcher.apply(calls);
        this.clock = clock;
        this.timer = timer;
        this.thread = Thread.ofPlatform().daemon().name("quota-canvas-dispatcher").unstarted(this::run);
        thread.start();
    }

    void submit(Job job) {
        job.scope.onCancel(this::wake);
        post(d -> d.submit(job, timer.instant()));
    }

    /// Makes the loop look again (a run was cancelled).
    void wake() {
        post(d -> { });
    }

    private void post(Consumer<Dispatcher> message) {
        inbox.add(message);
    }

    private void run() {
        while (!closed) {
            try {
                Consumer<Dispatcher> message = inbox.poll(sleepMillis(), TimeUnit.MILLISECONDS);
                while (message != null) {
                    message.accept(dispatcher);
                    message = inbox.poll();
                }
                List<Dispatcher.Launch> launches = dispatcher.poll(clock.instant(), timer.instant());
                launches.forEach(this::send);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                // a bug here must not stop every run of the process; the dispatcher guards each job itself
                LOG.log(Level.SEVERE, "the engine loop hit a bug and goes on", e);
            }
        }
    }

    private long sleepMillis() {
        Instant tick = timer.instant();
        Instant next = dispatcher.nextWakeup(tick);
        if (next == null) {
            return MAX_SLEEP_MILLIS;
        }
        long millis = Duration.between(tick, next).toMillis() + 1;
        return Math.clamp(millis, 0, MAX_SLEEP_MILLIS);
    }

    /// Sends on its own virtual thread; whatever happens there, exactly one completion comes back, so the
    /// flight's slot and lease are always given back.
    private void send(Dispatcher.Launch launch) {
        Flight flight = launch.flight();
        calls.execute(() -> {
            long t0 = System.nanoTime();
            Reply reply = null;
            try {
                reply = flight.job.send(flight.candidate(), launch.deadline(), flight.scope);
            } catch (Throwable e) {
                LOG.log(Level.SEVERE, "a " + flight.job.kind + " call to " + flight.candidate().lane().name()
                        + " threw " + e.getClass().getName(), e);
            } finally {
                Reply done = reply != null ? reply : new Reply.Unusable(new Outcome.BadResponse(0,
                        "internal error in the " + flight.candidate().lane().name() + " client; details are in the log"));
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                post(d -> d.complete(flight, done, elapsedMs, clock.instant(), timer.instant()));
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            // no caller waits forever on a run that will never finish, and other processes need not wait for
            // this one's leases to expire
            dispatcher.closeAll("the engine closed", timer.instant());
        }
        calls.shutdownNow();
    }
}
