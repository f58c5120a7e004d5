package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.FakeStudio;
import io.quotacanvas.ui.ManualTaskService;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The runs' images in a strip of their own: a batch going in, and its images moving from running to stored
/// or failed, never change the grid's list (each change of its size made the grid rebuild every visible
/// cell); the stored images join the grid in one change when their run is over, failed ones stay until
/// dismissed.
class RunningStripTest {
    @TempDir
    Path dir;

    @Test
    void aBatchGoingInNeverChangesTheGridAndItsImagesJoinInOneChangeWhenItsRunIsOver() throws Exception {
        ManualTaskService tasks = new ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        f.studio.seed(5);
        GalleryViewModel g = f.vm.gallery();
        f.vm.start();
        tasks.drainUntil(() -> g.tiles().size() == 5);
        AtomicInteger gridChanges = new AtomicInteger();
        g.tiles().addListener((ListChangeListener<Tile>) c -> gridChanges.incrementAndGet());
        f.studio.hold = new CountDownLatch(1);
        f.vm.create().promptProperty().set("three owls");
        f.vm.create().countProperty().set(3);

        f.vm.generation().generate();
        // the first image waits at the provider, the others wait for it
        tasks.drainUntil(() -> g.running().tiles().size() == 3
                && g.running().tiles().getFirst().now() instanceof Tile.Running r && r.step().contains("#2"));

        assertEquals(3, g.running().tiles().size());
        assertEquals(3, g.running().runningProperty().get());
        assertEquals(0, gridChanges.get(), "the batch went in without touching the grid");
        assertEquals(5, g.tiles().size());

        f.studio.hold.countDown();
        tasks.drainUntil(() -> g.running().tiles().isEmpty());

        assertEquals(1, gridChanges.get(), "the run's images joined the grid in one change");
        assertEquals(8, g.tiles().size());
        assertEquals(8, g.totalProperty().get());
        assertEquals(List.of("three owls", "three owls", "three owls"), g.tiles().subList(0, 3).stream()
                .map(t -> ((Tile.Stored) t).image().metadata().promptOriginal()).toList());
    }

    @Test
    void aFailedImageStaysWithItsRetryUntilDismissedAndARetriedOneJoinsWhenItIsMade() {
        StudioFixture f = new StudioFixture(dir);
        GalleryViewModel g = f.vm.gallery();
        f.vm.start();
        f.studio.failSeeds.add(701L);
        lockedSeedBatch(f, "three lanterns", 3, 700);

        f.vm.generation().generate();

        assertEquals(2, g.tiles().size(), "the two made images joined the grid");
        assertEquals(1, g.running().tiles().size());
        Tile.Live failed = g.running().tiles().getFirst();
        assertInstanceOf(Tile.Failed.class, failed.now());
        assertEquals(1, g.running().failedProperty().get());

        g.running().dismissFailed();
        assertTrue(g.running().tiles().isEmpty());
        assertEquals(1, f.vm.queue().runs().size(), "its run stays in the queue");

        f.studio.failSeeds.clear();
        f.vm.queue().retryFailed(f.vm.queue().runs().getFirst());

        assertInstanceOf(Tile.Stored.class, failed.now());
        assertTrue(g.running().tiles().isEmpty(), "made again, it joined the grid");
        assertEquals(3, g.tiles().size());
        assertEquals(701L, f.studio.requests.getLast().seed());
    }

    @Test
    void clearingARunFromTheQueueTakesItsFailedTilesOutOfTheStrip() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.start();
        f.studio.failAll = true;
        f.vm.create().promptProperty().set("a fox");
        f.vm.create().countProperty().set(2);
        f.vm.generation().generate();
        assertEquals(2, f.vm.gallery().running().tiles().size());

        f.vm.queue().clearFinished();

        assertTrue(f.vm.gallery().running().tiles().isEmpty());
        assertTrue(f.vm.gallery().empty().get());
    }

    @Test
    void aRunWhoseEveryImageFailedDoesNotReadTheLibraryAgain() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.start();
        int before = f.studio.store().listCalls.get();
        f.studio.failAll = true;
        f.vm.create().promptProperty().set("a fox");
        f.vm.generation().generate();
        assertEquals(before, f.studio.store().listCalls.get());
    }

    @Test
    void newerRunsGoInFrontAndTheCountsFollowEachImage() {
        StudioFixture f = new StudioFixture(dir);
        RunningStrip strip = f.vm.gallery().running();
        Tile.Live a0 = new Tile.Live(1, 0);
        Tile.Live a1 = new Tile.Live(1, 1);
        Tile.Live b0 = new Tile.Live(2, 0);
        f.vm.gallery().showLive(List.of(a0, a1));
        f.vm.gallery().showLive(List.of(b0));
        f.vm.gallery().showLive(List.of(a0, a1));

        assertEquals(List.of(b0, a0, a1), strip.tiles(), "a retried run keeps its tiles' places");
        assertEquals(3, strip.runningProperty().get());

        a0.set(new Tile.Stored(image(f, "a0")));
        a1.set(new Tile.Failed(1, 1, "timeout", "slow"));
        assertEquals(1, strip.runningProperty().get());
        assertEquals(1, strip.storedProperty().get());
        assertEquals(1, strip.failedProperty().get());

        strip.dismissFailed();
        assertEquals(List.of(b0, a0), strip.tiles(), "only the failed one goes");
    }

    @Test
    void aListingReadTakesOutOfTheStripOnlyTheStoredImagesItHolds() throws Exception {
        ManualTaskService tasks = new ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        GalleryViewModel g = f.vm.gallery();
        Tile.Live stored = new Tile.Live(1, 0);
        Tile.Live running = new Tile.Live(1, 1);
        Tile.Live late = new Tile.Live(1, 2);
        g.showLive(List.of(stored, running, late));
        stored.set(new Tile.Stored(image(f, "stored")));

        g.reload();
        // stored after the listing was read: the listing can't hold it
        late.set(new Tile.Stored(image(f, "late")));
        tasks.drainUntil(() -> !g.loadingProperty().get());

        assertEquals(List.of(running, late), g.running().tiles());
    }

    @Test
    void aStoredImageOfTheStripIsSelectedCountedDeletedWithUndoAndNeighboursTheGrid() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(3);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        Tile.Live made = new Tile.Live(1, 0);
        Tile.Live running = new Tile.Live(1, 1);
        g.showLive(List.of(made, running));
        StoredImage image = image(f, "made");
        made.set(new Tile.Stored(image));
        g.liveStored();

        assertEquals(4, g.totalProperty().get());
        assertEquals(image, g.storedImages().getFirst());
        g.clickLive(made, false);
        assertSame(made, g.selectedProperty().get());
        assertEquals(List.of(image.id()), List.copyOf(g.selection().ids()));
        assertTrue(g.marked(made));
        g.click(0, false, true);
        assertEquals(List.of(image.id(), all.get(0).id()), List.copyOf(g.selection().ids()), "Ctrl adds a grid image");
        g.clickLive(made, true);
        assertEquals(List.of(all.get(0).id()), List.copyOf(g.selection().ids()), "Ctrl takes it out again");

        List<String> seen = new ArrayList<>();
        g.neighbour(image.id(), 1, i -> seen.add(i.id()), () -> seen.add("none"));
        g.neighbour(all.get(0).id(), -1, i -> seen.add(i.id()), () -> seen.add("none"));
        g.neighbour(image.id(), -1, i -> seen.add(i.id()), () -> seen.add("none"));
        assertEquals(List.of(all.get(0).id(), image.id(), "none"), seen, "the strip comes before the grid");

        g.deleteWithUndo(image);
        assertEquals(List.of(running), g.running().tiles());
        g.undoDelete();
        assertEquals(List.of(made, running), g.running().tiles(), "back in its place");
    }

    @Test
    void theGalleryIsEmptyOnlyWhenTheStripIsToo() {
        StudioFixture f = new StudioFixture(dir);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        assertTrue(g.empty().get());
        g.showLive(List.of(new Tile.Live(1, 0)));
        assertFalse(g.empty().get());
    }

    @Test
    void selectingARunningTileInTheStripFollowsItsChain() throws Exception {
        ManualTaskService tasks = new ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        f.studio.hold = new CountDownLatch(1);
        f.vm.create().promptProperty().set("a slow fox");
        f.vm.create().countProperty().set(2);
        f.vm.generation().generate();
        try {
            tasks.drainUntil(() -> f.vm.gallery().running().tiles().size() == 2
                    && f.vm.gallery().running().tiles().getFirst().now() instanceof Tile.Running r
                    && r.step().contains("#2"));
            Tile.Live first = f.vm.gallery().running().tiles().getFirst();
            Tile.Live second = f.vm.gallery().running().tiles().get(1);

            f.vm.gallery().clickLive(second, false);
            assertEquals(List.of(), f.vm.chain().rows(), "the second image still waits for its turn");
            f.vm.gallery().clickLive(first, false);
            assertEquals(2, f.vm.chain().rows().size(), "its quota answer, then the attempt running");
            assertNull(f.vm.gallery().selection().ids().stream().findFirst().orElse(null), "nothing stored to select");
        } finally {
            f.studio.hold.countDown();
        }
    }

    private static void lockedSeedBatch(StudioFixture f, String prompt, int count, long seed) {
        f.vm.create().promptProperty().set(prompt);
        f.vm.create().countProperty().set(count);
        f.vm.create().seedProperty().set(Long.toString(seed));
        f.vm.create().seedLockedProperty().set(true);
    }

    private static StoredImage image(StudioFixture f, String prompt) {
        return f.studio.image(prompt, ProviderId.GITEE, 5, FakeStudio.NOW);
    }
}
