package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.ui.ManualTaskService;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The studio's queue: runs sent while others run, one cancelled without the others, a finished run's
/// failed images sent again with their seeds, and every stored image tagged with its run.
class RunQueueTest {
    @TempDir
    Path dir;

    @Test
    void aRunSentWhileAnotherRunsWaitsAndCancellingOneLeavesTheOtherRunning() throws Exception {
        ManualTaskService tasks = new ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        RunQueue queue = f.vm.queue();
        f.studio.hold = new CountDownLatch(1);

        Run first = queue.submitBatch(ImageRequest.of("a first fox").withCount(2));
        Run second = queue.submitBatch(ImageRequest.of("a second fox"));
        assertEquals(Run.State.QUEUED, second.state(), "queued until the engine takes one of its images");
        assertEquals(List.of(first, second), queue.runs());
        tasks.drainUntil(() -> first.state() == Run.State.RUNNING && second.state() == Run.State.RUNNING);

        queue.cancel(first);
        assertEquals(Run.State.CANCELLING, first.state());
        tasks.drainUntil(() -> !first.active());
        assertEquals(Run.State.CANCELLED, first.state());
        assertEquals(2, first.failedProperty().get());
        assertTrue(second.active(), "the other run goes on");
        assertTrue(queue.busyProperty().get());

        f.studio.hold.countDown();
        tasks.drainUntil(() -> !queue.busyProperty().get()
                && second.slots().getFirst().tile().now() instanceof Tile.Stored);
        assertEquals(Run.State.DONE, second.state());
        assertTrue(queue.hasFinished().get());
        queue.clearFinished();
        assertTrue(queue.runs().isEmpty());
    }

    @Test
    void retryingAFinishedRunSendsOnlyItsFailedImagesEachWithItsOwnSeed() {
        StudioFixture f = new StudioFixture(dir);
        RunQueue queue = f.vm.queue();
        f.studio.failSeeds.add(501L);
        Run run = queue.submitBatch(ImageRequest.of("three foxes").withCount(3).withSeed(500L));
        assertEquals(Run.State.DONE, run.state());
        assertEquals(1, run.failedProperty().get());
        assertEquals(List.of(run.slots().get(1)), run.failedSlots());

        f.studio.failSeeds.clear();
        queue.retryFailed(run);

        assertEquals(2, f.studio.requests.size());
        ImageRequest retry = f.studio.requests.getLast();
        assertEquals(1, retry.count());
        assertEquals(501L, retry.seed(), "the failed image's own seed");
        assertEquals(Run.State.DONE, run.state());
        assertEquals(0, run.failedProperty().get());
        assertEquals(3, run.finishedProperty().get());
        assertTrue(run.slots().stream().allMatch(s -> s.tile().now() instanceof Tile.Stored));
    }

    @Test
    void aFailedTileRetriesFromTheStripAndThenJoinsTheGrid() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.start();
        f.studio.failAll = true;
        f.vm.create().promptProperty().set("a fox");
        f.vm.generation().generate();
        Tile.Live failed = f.vm.gallery().running().tiles().getFirst();
        assertInstanceOf(Tile.Failed.class, failed.now());

        f.studio.failAll = false;
        f.vm.generation().retry(failed);

        assertInstanceOf(Tile.Stored.class, failed.now(), "the same tile, made again");
        assertTrue(f.vm.gallery().running().tiles().isEmpty(), "its run is over again: it left the strip");
        assertEquals(1, f.vm.gallery().tiles().size());
        assertEquals(((Tile.Stored) failed.now()).image().id(), f.vm.gallery().tiles().getFirst().key());
        assertEquals("Done: 1 image, 0 failed", f.vm.generation().statusText().get());
    }

    @Test
    void everyStoredImageCarriesItsRunsIdSoTheRunCanBeShownAgain() throws Exception {
        StudioFixture f = new StudioFixture(dir);
        f.studio.seed(3);
        Run run = f.vm.queue().submitBatch(ImageRequest.of("two owls").withCount(2));

        assertTrue(run.runId().startsWith("batch-"), run.runId());
        var images = f.studio.store().list(LibraryQuery.run(run.runId()));
        assertEquals(2, images.size());
        assertTrue(images.stream().allMatch(i -> i.metadata().promptOriginal().equals("two owls")));
        assertEquals(run.runId(), ((Tile.Stored) run.slots().getFirst().tile().now()).image().metadata().runId());
        assertFalse(f.vm.queue().busyProperty().get());
    }
}
