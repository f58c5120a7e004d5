package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.ui.ManualTaskService;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedBatchJoinsTheGridAndTheChainShowsTheTokenRotation() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.seed(3);
        f.vm.start();
        f.vm.create().promptProperty().set("a fox");
        f.vm.create().countProperty().set(2);

        f.vm.generation().generate();

        List<Tile> tiles = f.vm.gallery().tiles();
        assertEquals(5, tiles.size());
        assertEquals(List.of("a fox", "a fox"), tiles.subList(0, 2).stream()
                .map(t -> ((Tile.Stored) t.now()).image().metadata().promptOriginal()).toList(), "newest first");
        assertTrue(f.vm.gallery().running().tiles().isEmpty(), "the run is over: its strip is empty");
        List<ChainRow> chain = f.vm.chain().rows();
        assertEquals(List.of("quota_exhausted", "success"), chain.stream().map(ChainRow::outcomeName).toList());
        assertEquals(List.of("gitee#1 …0001", "gitee#2 …0002"), chain.stream().map(ChainRow::tokenLabel).toList());
        assertEquals(429, chain.getFirst().httpStatus());
        assertFalse(f.vm.generation().runningProperty().get());
        assertEquals("Done: 2 images, 0 failed", f.vm.generation().statusText().get());
    }

    @Test
    void failedImagesStayInTheStripAsFailureTilesWithTheirClass() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.start();
        f.studio.failAll = true;
        f.vm.create().promptProperty().set("a fox");
        f.vm.generation().generate();
        Tile.Failed failed = assertInstanceOf(Tile.Failed.class, f.vm.gallery().running().tiles().getFirst().now());
        assertEquals(0, f.vm.gallery().tiles().size(), "nothing joined the grid");
        assertEquals(1, f.vm.gallery().running().failedProperty().get());
        assertEquals("provider_error", failed.errorType());
        assertEquals("Done: no images, 1 failed", f.vm.generation().statusText().get());
    }

    @Test
    void generateQueuesAnotherRunWhileOneRunsAndCancelStopsThemAll() throws Exception {
        ManualTaskService tasks = new ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        GenerationViewModel gen = f.vm.generation();
        f.vm.create().promptProperty().set("a slow fox");
        f.vm.create().countProperty().set(2);
        f.studio.hold = new CountDownLatch(1);

        gen.generate();
        tasks.drainUntil(() -> !f.vm.gallery().running().tiles().isEmpty()
                && f.vm.gallery().running().tiles().getFirst().now() instanceof Tile.Running r
                && r.step().contains("gitee#2"));
        Tile.Running running = (Tile.Running) f.vm.gallery().running().tiles().getFirst().now();
        assertEquals("gitee · z-image-turbo · gitee#2 …0002", running.step());
        assertTrue(gen.runningProperty().get());
        assertEquals(ChainRow.Kind.RUNNING, f.vm.chain().rows().getLast().kind());
        assertTrue(gen.canGenerate().get(), "a run in flight doesn't stop the next one");

        f.vm.create().promptProperty().set("a second fox");
        gen.generate();
        tasks.drainUntil(() -> f.studio.requests.size() == 2);
        assertEquals(2, f.vm.queue().runs().size());
        assertEquals(4, f.vm.gallery().running().tiles().size());
        assertEquals(2, f.vm.gallery().running().tiles().getFirst().batch(), "the newer run's tiles go in front");
        assertEquals(4, f.vm.gallery().running().runningProperty().get());
        assertEquals("a second fox", f.studio.requests.get(1).prompt());

        gen.cancel();
        tasks.drainUntil(() -> !gen.runningProperty().get());

        assertTrue(f.vm.gallery().running().tiles().stream().allMatch(t -> t.now() instanceof Tile.Failed x
                && x.errorType().equals("cancelled")));
        assertTrue(f.vm.queue().runs().stream().allMatch(r -> r.state() == Run.State.CANCELLED));
    }

    @Test
    void selectingALiveTileFollowsItsChain() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.failAll = true;
        f.vm.create().promptProperty().set("a fox");
        f.vm.create().countProperty().set(2);
        f.vm.generation().generate();
        f.vm.chain().clear();
        f.vm.gallery().select(f.vm.gallery().running().tiles().get(1));
        assertEquals(2, f.vm.chain().rows().size());
        assertEquals(AttemptOutcome.PROVIDER_ERROR, f.vm.chain().rows().getLast().outcome());
    }
}
