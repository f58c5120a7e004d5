package io.quotacanvas.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// The studio's one background task service. Work runs off the FX thread (named virtual threads in the
/// app, the caller's thread in tests); its result, its failure and anything posted with [#onUi] reach the
/// UI thread through this service only.
///
/// Thread-safe. Callbacks never run concurrently with each other in the FX implementation (they all run
/// on the FX thread, in the order they were posted).
public interface TaskService extends AutoCloseable {

    /// Runs `work` in the background; then `onSuccess` with its value or `onFailure` with what it threw,
    /// on the UI thread.
    <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /// Runs `action` on the UI thread (later, in posting order). Safe to call from any thread.
    void onUi(Runnable action);

    /// Stops accepting work; running tasks are interrupted.
    @Override
    void close();

    /// Runs every task and callback at once on the calling thread: for view-model tests without the toolkit.
    static TaskService sameThread() {
        return new TaskService() {
            @Override
            public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                   Consumer<Throwable> onFailure) {
                T value;
                try {
                    value = work.call();
                } catch (Exception | LinkageError e) {
                    onFailure.accept(e);
                    return;
                }
                onSuccess.accept(value);
            }

            @Override
            public void onUi(Runnable action) {
                action.run();
            }

            @Override
            public void close() {
            }
        };
    }
}
