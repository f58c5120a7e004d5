package io.quotacanvas.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/// A task service for tests that need work to really run in the background (a batch that waits, then is
/// cancelled): work runs on virtual threads; callbacks queue up until the test thread [#drainUntil]s, so
/// the test thread plays the FX thread.
public final class ManualTaskService implements TaskService {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        Thread.ofVirtual().name("test-" + name).start(() -> {
            try {
                T v = work.call();
                onUi(() -> onSuccess.accept(v));
            } catch (Exception e) {
                onUi(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUi(Runnable action) {
        ui.add(action);
    }

    /// Runs queued callbacks on the calling thread until `done` holds (fails after 10 s).
    public void drainUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Runnable r = ui.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
    }

    @Override
    public void close() {
    }
}
