package io.quotacanvas;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/// One piece of start-up work running on its own daemon thread while the caller does something else (the
/// composition root opens the ledger, the library and the HTTP client side by side).
///
/// [#get] returns the value or rethrows what the work threw, unchanged, so callers keep their own
/// exception handling. Thread-safe.
final class Background<T> {
    private final FutureTask<T> task;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> b = new Background<>(work);
        Thread.ofPlatform().name("quota-canvas-open-" + name).daemon().start(b.task);
        return b;
    }

    /// Waits for the value; what the work threw is rethrown as it was thrown when it is a runtime exception, an
    /// error or a `checked` one.
    <X extends Exception> T get(Class<X> checked) throws X {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening Quota Canvas", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (checked.isInstance(cause)) {
                throw checked.cast(cause);
            }
            switch (cause) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IllegalStateException(cause);
            }
        }
    }

    /// Waits for the work and releases its value if it succeeded (when another part of the start failed).
    void closeQuietly(Consumer<T> close) {
        try {
            close.accept(task.get());
        } catch (ExecutionException | RuntimeException ignored) {
            // nothing was opened, or closing failed: there is nothing more to release
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
