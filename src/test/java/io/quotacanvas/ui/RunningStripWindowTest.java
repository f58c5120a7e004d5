package io.quotacanvas.ui;

import static io.quotacanvas.ui.StudioLaunch.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// A batch in the real window: its images run in a strip of their own above the grid (made ones with their
/// thumbnail, open and selectable like any other), the grid is left alone meanwhile, and the made images join
/// it once the run is over; a failed one stays, with Retry, until dismissed. In English and in Chinese.
@ExtendWith(ApplicationExtension.class)
class RunningStripWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private List<StoredImage> seeded;
    private StudioApp app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        seeded = studio.seed(12);
        app = StudioLaunch.start(stage, studio, dir, null);
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private List<Tile.Live> strip() {
        return vm().gallery().running().tiles();
    }

    private void generate(FxRobot robot, String prompt, int count, long seed) {
        robot.clickOn("#prompt").write(prompt);
        robot.interact(() -> {
            vm().create().countProperty().set(count);
            vm().create().seedProperty().set(Long.toString(seed));
            vm().create().seedLockedProperty().set(true);
        });
        robot.clickOn("#generate");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    @Test
    void aBatchRunsInAStripAboveTheGridAndJoinsItWhenItsRunIsOver(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        AtomicInteger gridChanges = new AtomicInteger();
        robot.interact(() -> vm().gallery().tiles()
                .addListener((ListChangeListener<Tile>) c -> gridChanges.incrementAndGet()));
        studio.hold = new CountDownLatch(1);
        studio.holdSeeds.add(502L);

        generate(robot, "three paper lanterns over a river", 3, 500);
        await(() -> strip().size() == 3 && strip().get(0).now() instanceof Tile.Stored
                && strip().get(1).now() instanceof Tile.Stored
                && strip().get(2).now() instanceof Tile.Running r && r.step().contains("#2")
                && robot.lookup("#running-strip-tiles").queryAs(Pane.class).getChildren().size() == 3);
        StudioLaunch.awaitThumbnails(robot);

        assertTrue(robot.lookup("#running-strip").query().isVisible());
        assertEquals("1 image in progress", text(robot, "#running-strip-title"));
        assertEquals("Finished images join the gallery when their run is over.", text(robot, "#running-strip-hint"));
        assertEquals(12, vm().gallery().tiles().size());
        assertEquals(0, gridChanges.get(), "the batch went in without touching the grid");
        assertEquals("14 images", text(robot, "#gallery-count"), "the made ones count already");
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#running-strip").query()));
        Screenshots.save(stage.getScene(), "gallery-running-strip");

        // a made image of the strip is selected and opened like any other
        StoredImage made = ((Tile.Stored) strip().getFirst().now()).image();
        robot.clickOn(TileLookup.tile(robot, seeded.getFirst().id()));
        StudioLaunch.clickWith(robot, TileLookup.tile(robot, made.id()), false, true);
        await(() -> vm().gallery().selection().size() == 2);
        assertFalse(robot.lookup("#selection-compare").queryButton().isDisabled(), "two images to compare");
        robot.doubleClickOn(TileLookup.tile(robot, made.id()));
        await(() -> robot.lookup("#detail").query().isVisible());
        assertEquals("three paper lanterns over a river", text(robot, "#detail-prompt"));
        robot.clickOn("#detail-back");
        robot.interact(() -> vm().gallery().clearSelection());

        robot.clickOn("#open-settings");
        robot.interact(() -> robot.lookup("#settings-language").<Locale>queryComboBox().getSelectionModel()
                .select(Locale.SIMPLIFIED_CHINESE));
        robot.clickOn("#settings-ok");
        await(() -> "1 张图像生成中".equals(text(robot, "#running-strip-title")));
        assertEquals("完成的图像会在其任务结束后加入图库。", text(robot, "#running-strip-hint"));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#running-strip").query()));
        Screenshots.save(stage.getScene(), "gallery-running-strip-zh");

        studio.hold.countDown();
        await(() -> strip().isEmpty() && vm().gallery().tiles().size() == 15);
        assertFalse(robot.lookup("#running-strip").query().isVisible());
        assertEquals(1, gridChanges.get(), "the run's images joined the grid in one change");
        assertEquals(List.of("three paper lanterns over a river"), vm().gallery().tiles().subList(0, 3).stream()
                .map(t -> ((Tile.Stored) t).image().metadata().promptOriginal()).distinct().toList());
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "gallery-running-joined-zh");
    }

    @Test
    void aFailedImageStaysInTheStripWithItsRetryUntilDismissed(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        studio.failSeeds.add(601L);

        generate(robot, "two kites", 2, 600);
        await(() -> !vm().generation().runningProperty().get() && strip().size() == 1
                && strip().getFirst().now() instanceof Tile.Failed && vm().gallery().tiles().size() == 13);
        await(() -> robot.lookup("#running-strip .tile-retry").tryQuery().isPresent());
        assertEquals("1 image not made", text(robot, "#running-strip-title"));
        assertEquals("Retry it, or dismiss it.", text(robot, "#running-strip-hint"));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#running-strip").query()));
        Screenshots.save(stage.getScene(), "gallery-running-strip-failed");

        robot.clickOn("#running-strip-dismiss");
        await(() -> !robot.lookup("#running-strip").query().isVisible());
        assertTrue(strip().isEmpty());
        assertEquals(1, vm().queue().runs().size(), "the run stays in the queue, its Retry there too");
    }
}
