package io.quotacanvas.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.viewmodel.ChainRow;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/// The real window on the headless platform, over a scripted core (see [FakeStudio]): typing, generating,
/// the live chain, the detail view, Save As, delete with undo, search, reuse and the language switch.
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private List<StoredImage> seeded;
    private StudioApp app;
    private Stage stage;
    private Path savedTarget;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        seeded = studio.seed(12);
        savedTarget = dir.resolve("exports/saved.png");
        Files.createDirectories(savedTarget.getParent());
        StudioSetup setup = new StudioSetup(Map.of("QUOTA_CANVAS_HOME", dir.toString()), studio.clock(),
                (config, env, clock) -> studio, (owner, name) -> Optional.of(savedTarget),
                new StudioFixture.RecordingDesktop(), (owner, message, label) -> true, TokenManagerHook.NONE, false);
        app = new StudioApp(setup);
        app.init();
        app.start(stage);
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typingAPromptAndGeneratingShowsTheTileAndTheTokenRotation(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        Button generate = robot.lookup("#generate").queryButton();
        assertTrue(generate.isDisabled(), "blank prompt");
        robot.clickOn("#prompt").write("a red fox in snow");
        assertTrue(!generate.isDisabled());
        robot.clickOn("#generate");

        await(() -> vm().gallery().tiles().getFirst().now() instanceof Tile.Stored s
                && s.image().metadata().promptOriginal().equals("a red fox in snow"));
        ListView<ChainRow> chain = robot.lookup("#chain").queryListView();
        await(() -> chain.getItems().size() == 2);
        assertEquals(List.of("gitee#1 …0001", "gitee#2 …0002"), chain.getItems().stream().map(ChainRow::tokenLabel).toList());
        assertEquals(AttemptOutcome.QUOTA_EXHAUSTED, chain.getItems().getFirst().outcome());
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "main-window");
    }

    private static boolean thumbnailsShown(FxRobot robot) {
        return robot.lookup(".tile .image-view").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.image.ImageView) n).getImage() != null);
    }

    @Test
    void aRunningBatchShowsSpinnersWithTheCurrentStepAndCancelEndsIt(FxRobot robot) throws Exception {
        studio.hold = new CountDownLatch(1);
        robot.clickOn("#prompt").write("a slow lighthouse");
        robot.interact(() -> vm().create().countProperty().set(3));
        robot.clickOn("#generate");
        await(() -> !vm().gallery().running().tiles().isEmpty()
                && vm().gallery().running().tiles().getFirst().now() instanceof Tile.Running r && !r.step().isEmpty());
        await(() -> thumbnailsShown(robot));
        Screenshots.save(stage.getScene(), "running-batch");

        robot.clickOn("#cancel");
        await(() -> !vm().generation().runningProperty().get());
        assertTrue(vm().gallery().running().tiles().getFirst().now() instanceof Tile.Failed f
                && f.errorType().equals("cancelled"));
    }

    @Test
    void theDetailViewSavesDeletesWithUndoAndReusesSettings(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        StoredImage second = seeded.get(1);
        robot.doubleClickOn(TileLookup.tile(robot, second.id()));
        await(() -> robot.lookup("#detail").query().isVisible());
        assertEquals("image 10", robot.lookup("#detail-prompt").queryAs(Labeled.class).getText());
        Screenshots.save(stage.getScene(), "detail-view");

        robot.clickOn("#detail-save");
        await(() -> Files.exists(savedTarget));
        assertEquals(Files.size(second.path()), Files.size(savedTarget));

        robot.clickOn("#detail-delete");
        await(() -> vm().gallery().tiles().size() == 11);
        assertEquals(seeded.get(2).id(), vm().detail().imageProperty().get().id(), "the next image is shown");
        robot.clickOn("#detail-back");
        robot.clickOn("#undo-delete");
        await(() -> vm().gallery().tiles().size() == 12);
        assertTrue(Files.exists(second.path()));

        robot.doubleClickOn(TileLookup.tile(robot, second.id()));
        await(() -> robot.lookup("#detail").query().isVisible());
        robot.clickOn("#detail-reuse");
        await(() -> !robot.lookup("#detail").query().isVisible());
        assertEquals("image 10", robot.lookup("#prompt").queryAs(TextArea.class).getText());
    }

    @Test
    void arrowKeysMoveAndEscapeCloses(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        robot.doubleClickOn(TileLookup.tile(robot, seeded.get(0).id()));
        await(() -> robot.lookup("#detail").query().isVisible());
        robot.type(javafx.scene.input.KeyCode.RIGHT);
        await(() -> vm().detail().imageProperty().get().id().equals(seeded.get(1).id()));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await(() -> !robot.lookup("#detail").query().isVisible());
    }

    @Test
    void searchNarrowsTheGallery(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 12);
        robot.clickOn("#search").write("image 1");
        await(() -> vm().gallery().tiles().size() == 3);
        assertEquals("3 images", robot.lookup("#gallery-count").queryAs(Labeled.class).getText());
    }

    @Test
    void switchingToChineseRelabelsTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#open-settings");
        robot.interact(() -> robot.lookup("#settings-language").<java.util.Locale>queryComboBox().getSelectionModel()
                .select(java.util.Locale.SIMPLIFIED_CHINESE));
        robot.clickOn("#settings-ok");
        await(() -> "生成".equals(robot.lookup("#generate").queryButton().getText()));
        assertEquals("取消", robot.lookup("#cancel").queryButton().getText());
        Screenshots.save(stage.getScene(), "main-window-zh");
    }

    @Test
    void closingWhileABatchRunsAsksThenCancelsAndRemembersTheWindow(FxRobot robot) throws Exception {
        studio.hold = new CountDownLatch(1);
        robot.clickOn("#prompt").write("a long night");
        robot.clickOn("#generate");
        await(() -> vm().generation().runningProperty().get());
        robot.interact(app::requestClose);
        await(() -> !stage.isShowing());
        assertTrue(!vm().generation().runningProperty().get());
        assertTrue(vm().gallery().running().tiles().getFirst().now() instanceof Tile.Failed f
                && f.errorType().equals("cancelled"));
        SettingsStore saved = SettingsStore.load(studio.folders().libraryDir().getParent().resolve("state/studio.properties"));
        assertEquals("a long night", saved.get("create.prompt", ""));
        assertTrue(saved.getDouble("window.w", 0) > 0);
    }

    @Test
    void anUnexpectedErrorShowsADialogWithTheDetailsFoldedAway(FxRobot robot) throws Exception {
        robot.interact(() -> vm().failed(new IllegalStateException("a bug")));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertEquals("Something went wrong inside Quota Canvas.", pane.getHeaderText());
        assertTrue(!pane.isExpanded());
        robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    }
}
