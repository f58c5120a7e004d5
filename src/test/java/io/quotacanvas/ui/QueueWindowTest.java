package io.quotacanvas.ui;

import static io.quotacanvas.ui.StudioLaunch.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.Run;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// The queue in the real window: Generate while a batch runs queues another, each run has its row with
/// progress and Cancel, cancelling one leaves the other, and a run with failures retries just those —
/// from its row or from a failed tile.
@ExtendWith(ApplicationExtension.class)
class QueueWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        studio.seed(8);
        app = StudioLaunch.start(stage, studio, dir, null);
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    @Test
    void generatingWhileABatchRunsQueuesAnotherAndCancellingOneLeavesTheOther(FxRobot robot) throws Exception {
        studio.hold = new CountDownLatch(1);
        robot.clickOn("#prompt").write("a red fox in snow");
        robot.interact(() -> vm().create().countProperty().set(3));
        robot.clickOn("#generate");
        await(() -> vm().queue().runs().size() == 1 && vm().queue().runs().getFirst().state() == Run.State.RUNNING);
        robot.interact(() -> vm().create().promptProperty().set("an owl at night"));
        robot.interact(() -> vm().create().countProperty().set(2));
        assertFalse(robot.lookup("#generate").queryButton().isDisabled(), "Generate queues while a run is going");
        robot.clickOn("#generate");
        await(() -> vm().queue().runs().size() == 2 && robot.lookup("#queue-run-2").tryQuery().isPresent());
        assertEquals(8, vm().gallery().tiles().size(), "the grid is left alone while runs go on");
        assertEquals(5, vm().gallery().running().tiles().size(), "both runs' images are in the strip");
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup(".create-panel").query()));
        Screenshots.save(stage.getScene(), "queue-two-runs");

        robot.clickOn("#queue-cancel-1");
        Run first = vm().queue().runs().getFirst();
        Run second = vm().queue().runs().get(1);
        await(() -> first.state() == Run.State.CANCELLED);
        assertTrue(second.active(), "the other run goes on");
        assertEquals("0 of 3 made · 3 failed · cancelled", robot.lookup("#queue-status-1").queryAs(Labeled.class).getText());

        studio.hold.countDown();
        await(() -> second.state() == Run.State.DONE && second.slots().stream()
                .allMatch(s -> s.tile().now() instanceof Tile.Stored));
        assertEquals("2 of 2 made · done", robot.lookup("#queue-status-2").queryAs(Labeled.class).getText());
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "queue-one-cancelled");

        robot.clickOn("#queue-retry-1");
        await(() -> first.state() == Run.State.DONE && first.failedProperty().get() == 0
                && first.slots().stream().allMatch(s -> s.tile().now() instanceof Tile.Stored));
        assertEquals(1 + 1 + 3, studio.requests.size(), "one call per batch, then one per failed image");
        robot.clickOn("#queue-clear");
        await(() -> vm().queue().runs().isEmpty());
    }

    @Test
    void aFailedTileHasRetryThatMakesJustThatImageAgain(FxRobot robot) throws Exception {
        studio.failSeeds.add(701L);
        robot.clickOn("#prompt").write("three lanterns");
        robot.interact(() -> {
            vm().create().countProperty().set(3);
            vm().create().seedProperty().set("700");
            vm().create().seedLockedProperty().set(true);
        });
        robot.clickOn("#generate");
        await(() -> !vm().generation().runningProperty().get() && vm().gallery().running().tiles().size() == 1
                && vm().gallery().running().tiles().getFirst().now() instanceof Tile.Failed
                && vm().gallery().tiles().size() == 8 + 2);
        await(() -> robot.lookup(".tile-retry").tryQuery().isPresent());
        assertEquals("2 of 3 made · 1 failed · done",
                robot.lookup("#queue-status-1").queryAs(Labeled.class).getText());
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "queue-failed-tile");

        studio.failSeeds.clear();
        robot.clickOn(".tile-retry");
        await(() -> vm().gallery().running().tiles().isEmpty() && vm().gallery().tiles().size() == 8 + 3);
        assertEquals(701L, studio.requests.getLast().seed(), "the failed image's own seed");
        assertEquals(1, studio.requests.getLast().count());
    }
}
