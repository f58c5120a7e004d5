package io.quotacanvas.ui;

import static io.quotacanvas.ui.StudioLaunch.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.RunSlot;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// Comparing models in the real window: compare mode, the pairs, the grid filling live with spinners and
/// steps, a failure shown in its cell, Rerun, Keep, Save all, and the comparison shown again in the gallery.
@ExtendWith(ApplicationExtension.class)
class CompareWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private StudioApp app;
    private Stage stage;
    private Path saved;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        studio.seed(6);
        saved = dir.resolve("saved");
        app = StudioLaunch.start(stage, studio, dir, saved);
    }

    private static long files(Path folder) {
        try (var list = Files.list(folder)) {
            return list.count();
        } catch (java.io.IOException notYet) {
            return -1;
        }
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    @Test
    void threeModelsFillTheGridLiveAFailureStaysInItsCellAndTheRunShowsInTheGallery(FxRobot robot) throws Exception {
        robot.clickOn("#mode-compare");
        TabPane tabs = app.view().tabs();
        await(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("tab-compare"));
        await(() -> vm().compare().choices().size() == 4);
        robot.clickOn("#prompt").write("a lighthouse on a cliff at dusk");
        assertEquals("Compare 3 models", robot.lookup("#generate").queryButton().getText());
        studio.failModels.add("qwen-image");
        studio.hold = new CountDownLatch(1);

        robot.clickOn("#generate");
        await(() -> vm().compare().cells().size() == 3 && vm().compare().cells().stream()
                .allMatch(c -> c.tile().now() instanceof Tile.Running r && r.step().contains("#2")));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#compare-view").query()));
        Screenshots.save(stage.getScene(), "compare-running");

        studio.hold.countDown();
        List<RunSlot> cells = vm().compare().cells();
        await(() -> cells.stream().allMatch(RunSlot::finished) && cells.get(0).tile().now() instanceof Tile.Stored
                && cells.get(2).tile().now() instanceof Tile.Stored);
        await(() -> robot.lookup("#compare-failure-1").tryQuery().isPresent());
        assertEquals("It failed.", robot.lookup("#compare-failure-1").queryAs(Labeled.class).getText());
        assertEquals("3 of 3 done · 1 failed", robot.lookup("#compare-progress").queryAs(Labeled.class).getText());
        assertEquals("0.1 s", robot.lookup("#compare-elapsed-0").queryAs(Labeled.class).getText());
        Screenshots.save(stage.getScene(), "compare-done");

        studio.failModels.clear();
        studio.madeBy.put("qwen-image", "z-image-turbo");
        robot.clickOn("#compare-rerun-1");
        await(() -> cells.get(1).tile().now() instanceof Tile.Stored);
        await(() -> robot.lookup("#compare-fallback-1").query().isVisible());
        assertTrue(robot.lookup("#compare-fallback-1").queryAs(Labeled.class).getText().startsWith("Made by z-image-turbo"),
                "a comparison says when the provider fell back to another model");
        robot.clickOn("#compare-keep-0");
        await(() -> ((Tile.Stored) cells.get(0).tile().now()).image().favourite());
        robot.clickOn("#compare-save");
        await(() -> files(saved) == 6);
        Screenshots.save(stage.getScene(), "compare-kept-and-rerun");

        robot.clickOn("#compare-show");
        await(() -> tabs.getSelectionModel().getSelectedItem().getId().equals("tab-gallery"));
        await(() -> vm().gallery().tiles().size() == 3 && !vm().gallery().loadingProperty().get());
        assertTrue(robot.lookup("#run-filter").queryAs(Labeled.class).getText().startsWith("Comparison of "));
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "compare-in-gallery");

        robot.interact(() -> {
            tabs.getSelectionModel().select(1);
            vm().settings().languageProperty().set(java.util.Locale.SIMPLIFIED_CHINESE);
            vm().settings().apply();
        });
        await(() -> "保留".equals(robot.lookup("#compare-keep-0").queryAs(Labeled.class).getText()));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#compare-view").query()));
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup(".create-panel").query()));
        Screenshots.save(stage.getScene(), "compare-zh");
    }
}
