package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.I18n;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/// Generate and Cancel of the create panel over the [RunQueue]: Generate queues the form's request as a
/// batch (also while others run: the engine serves them in turn), its live tiles go in front of the
/// gallery's [RunningStrip] and the chain follows its first image; once the batch is over its stored images
/// join the gallery's grid in one change. Cancel stops every run. The status line sums the runs in flight.
/// FX thread only.
public final class GenerationViewModel {
    private final RunQueue queue;
    private final CreateViewModel create;
    private final GalleryViewModel gallery;
    private final ChainViewModel chain;
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyIntegerWrapper progress = new ReadOnlyIntegerWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Run> lastEnded = new ReadOnlyObjectWrapper<>(this, "lastEnded");
    private final BooleanBinding canGenerate;
    private final StringBinding statusText;
    private Runnable onTokensChanged = () -> { };
    private Runnable onCompareEnded = () -> { };

    public GenerationViewModel(RunQueue queue, I18n i18n, CreateViewModel create, GalleryViewModel gallery,
                               ChainViewModel chain) {
        this.queue = queue;
        this.create = create;
        this.gallery = gallery;
        this.chain = chain;
        canGenerate = create.promptBlank().not().and(create.advancedValid());
        statusText = i18n.text(() -> status(i18n), queue.busyProperty(), progress, lastEnded);
        queue.addListener(new Follower());
        queue.runs().addListener((ListChangeListener<Run>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::watch);
                // a cleared run can't be retried any more: its failed tiles leave the strip
                c.getRemoved().forEach(r -> gallery.forgetLive(r.slots().stream().map(RunSlot::tile).toList()));
            }
        });
    }

    public ReadOnlyBooleanProperty runningProperty() { return queue.busyProperty(); }
    public ReadOnlyBooleanProperty cancellingProperty() { return cancelling.getReadOnlyProperty(); }
    /// True while the form is valid and the prompt not blank (a run in flight doesn't stop another).
    public BooleanBinding canGenerate() { return canGenerate; }
    /// "Generating… 2 of 8 done", with how many runs wait behind, "Done: 7 images, 1 failed", or empty.
    public StringBinding statusText() { return statusText; }
    public RunQueue queue() { return queue; }

    /// Called after anything that may have changed token states (the status bar refreshes).
    public void setOnTokensChanged(Runnable action) {
        this.onTokensChanged = action;
    }

    /// Called when a comparison ended (its images join the gallery's listing).
    public void setOnCompareEnded(Runnable action) {
        this.onCompareEnded = action;
    }

    /// Queues a batch from the create panel; does nothing unless [#canGenerate].
    public void generate() {
        if (!canGenerate.get()) {
            return;
        }
        ImageRequest request = create.toRequest();
        Run run = queue.submitBatch(request);
        gallery.select(null);
        chain.follow(run.slots().getFirst().chain(), run.prompt());
    }

    /// Stops every run at once; images already stored stay.
    public void cancel() {
        queue.cancelAll();
        progressed();
    }

    /// Runs `action` once no run is in flight (at once if idle).
    public void whenIdle(Runnable action) {
        queue.whenIdle(action);
    }

    /// The live chain of a run's tile.
    public Optional<ObservableList<ChainRow>> liveChain(Tile tile) {
        return queue.slotOf(tile).map(RunSlot::chain);
    }

    /// Makes a failed tile's image again, with its seed, behind whatever is queued.
    public void retry(Tile tile) {
        queue.slotOf(tile).filter(RunSlot::failed).ifPresent(queue::rerun);
    }

    private void watch(Run run) {
        run.finishedProperty().addListener(o -> progressed());
        run.stateProperty().addListener(o -> progressed());
        progressed();
    }

    private void progressed() {
        cancelling.set(queue.runs().stream().anyMatch(r -> r.state() == Run.State.CANCELLING));
        progress.set(progress.get() + 1);
    }

    /// Puts a batch's tiles in the gallery's strip, moves its stored images into the grid once it is over, and
    /// tells the rest of the studio what the queue did.
    private final class Follower implements RunQueue.Listener {
        @Override
        public void slotsSubmitted(Run run, List<RunSlot> slots) {
            if (run.kind() == Run.Kind.BATCH) {
                gallery.showLive(slots.stream().map(RunSlot::tile).toList());
            }
        }

        @Override
        public void imageStored(Run run, RunSlot slot, StoredImage image) {
            gallery.liveStored();
            joinIfSettled(run);
        }

        @Override
        public void runEnded(Run run) {
            lastEnded.set(null);
            lastEnded.set(run);
            if (run.kind() == Run.Kind.COMPARE) {
                onCompareEnded.run();
            }
            joinIfSettled(run);
        }

        // the run's last image may be stored just before or just after its call returns: join once, after both
        private void joinIfSettled(Run run) {
            if (run.kind() == Run.Kind.BATCH && run.settled()) {
                gallery.joinFinished();
            }
        }

        @Override
        public void tokensChanged() {
            onTokensChanged.run();
        }
    }

    private String status(I18n i18n) {
        List<Run> active = queue.runs().stream().filter(Run::active).toList();
        if (!active.isEmpty()) {
            if (cancelling.get()) {
                return i18n.get("status.cancelling");
            }
            int done = active.stream().mapToInt(r -> r.finishedProperty().get()).sum();
            int all = active.stream().mapToInt(Run::total).sum();
            long waiting = active.stream().filter(r -> r.state() == Run.State.QUEUED).count();
            String line = i18n.get("status.generating", done, all);
            return waiting > 0 && active.size() > 1 ? line + " · " + i18n.get("status.queued", waiting) : line;
        }
        Run r = lastEnded.get();
        if (r == null) {
            return "";
        }
        int failed = r.failedProperty().get();
        return i18n.get("status.done", r.total() - failed, failed);
    }

    /// Binds the count of runs that wait for their turn, for the queue panel's title.
    public StringBinding queueTitle(I18n i18n) {
        return i18n.text(() -> {
            long n = queue.runs().stream().filter(Run::active).count();
            return n == 0 ? i18n.get("queue.title") : i18n.get("queue.titleActive", n);
        }, progress, Bindings.size(queue.runs()));
    }
}
