package io.quotacanvas.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;

/// The app's [TaskService]: one named virtual thread per task; every callback goes through
/// [Platform#runLater] in [#onUi], the single place where background results enter the FX thread.
public final class FxTaskService implements TaskService {
    private static final Logger LOG = Logger.getLogger(FxTaskService.class.getName());

    private final ExecutorService executor =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("studio-task-", 0).factory());

    @Override
    public <T> void submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                           Consumer<Throwable> onFailure) {
        try {
            executor.execute(() -> run(name, work, onSuccess, onFailure));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "task " + name + " dropped: the studio is closing");
        }
    }

    private <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                         Consumer<Throwable> onFailure) {
        Thread.currentThread().setName("studio-" + name);
        T value;
        try {
            value = work.call();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "task " + name + " failed", e);
            onUi(() -> onFailure.accept(e));
            return;
        }
        onUi(() -> onSuccess.accept(value));
    }

    @Override
    public void onUi(Runnable action) {
        try {
            Platform.runLater(action);
        } catch (IllegalStateException e) {
            // the toolkit is gone (the app is exiting): nothing is left to update
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
