package io.quotacanvas.ui;

import static io.quotacanvas.ui.StudioLaunch.await;
import static io.quotacanvas.ui.TileLookup.tile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.viewmodel.ImageCompareViewModel;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/// Acting on many images in the real window: click, Shift+click, Ctrl+click and Ctrl+A, the selection bar
/// (favourite, export as a zip, delete with one undo), the filters, and two images compared side by side
/// and with the slider.
@ExtendWith(ApplicationExtension.class)
class GallerySelectWindowTest {
    @TempDir
    static Path home;

    private FakeStudio studio;
    private List<StoredImage> seeded;
    private StudioApp app;
    private Stage stage;
    private Path zip;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory(home, "case");
        studio = new FakeStudio(dir.resolve("library"));
        seeded = studio.seed(40);
        zip = dir.resolve("exports/picked.zip");
        app = StudioLaunch.start(stage, studio, dir, zip);
    }

    private MainViewModel vm() {
        return app.viewModel();
    }

    @Test
    void shiftAndCtrlClicksSelectSeveralAndTheBarFavouritesExportsAndDeletesThemWithOneUndo(FxRobot robot)
            throws Exception {
        await(() -> vm().gallery().tiles().size() == 40);
        robot.clickOn(tile(robot, seeded.get(0).id()));
        await(() -> robot.lookup("#selection-bar").query().isVisible());
        assertTrue(robot.lookup("#selection-hint").query().isVisible(), "one click selects; the bar says how to open");
        StudioLaunch.clickWith(robot, tile(robot, seeded.get(3).id()), true, false);
        StudioLaunch.clickWith(robot, tile(robot, seeded.get(5).id()), false, true);
        await(() -> vm().gallery().selection().size() == 5);
        assertEquals("5 selected", robot.lookup("#selection-count").queryAs(Labeled.class).getText());
        StudioLaunch.awaitThumbnails(robot);
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#selection-bar").query()));
        Screenshots.save(stage.getScene(), "gallery-select-range");

        robot.clickOn("#selection-favourite");
        await(() -> studio.store().find(seeded.get(5).id()).orElseThrow().favourite());
        robot.clickOn("#selection-export").clickOn("#export-zip");
        await(() -> Files.exists(zip));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(10, z.size(), "five PNGs, each with its settings beside it");
            assertTrue(z.getEntry(seeded.get(3).id() + ".png") != null);
        }

        robot.clickOn("#selection-delete");
        await(() -> vm().gallery().tiles().size() == 35);
        assertEquals("5 images deleted.", robot.lookup("#undo-bar .label").queryAs(Labeled.class).getText());
        Screenshots.save(stage.getScene(), "gallery-select-deleted");
        robot.clickOn("#undo-delete");
        await(() -> vm().gallery().tiles().size() == 40);
        assertTrue(studio.store().deleted.isEmpty());

        robot.clickOn(tile(robot, seeded.get(1).id()));
        StudioLaunch.typeWithShortcut(robot, robot.lookup("#gallery-grid").query(), KeyCode.A);
        await(() -> vm().gallery().selection().size() == 40);
        robot.type(KeyCode.ESCAPE);
        await(() -> vm().gallery().selection().size() == 0);
        assertFalse(robot.lookup("#selection-bar").query().isVisible());
    }

    @Test
    void theFiltersNarrowByShapeAndSeedAndSayWhy(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 40);
        robot.clickOn("#filters-toggle");
        await(() -> robot.lookup("#filter-row").query().isVisible());
        robot.clickOn("#seed-filter").write("1011");
        await(() -> vm().gallery().tiles().size() == 1);
        assertEquals("Filters (1)", robot.lookup("#filters-toggle").queryAs(Labeled.class).getText());
        assertEquals("1 image", robot.lookup("#gallery-count").queryAs(Labeled.class).getText());
        assertEquals(List.of(), StudioLaunch.cutLabels(robot.lookup("#filter-row").query()));
        StudioLaunch.awaitThumbnails(robot);
        Screenshots.save(stage.getScene(), "gallery-select-filters");
        robot.clickOn("#filters-clear");
        await(() -> vm().gallery().tiles().size() == 40);
    }

    @Test
    void twoSelectedImagesAreComparedSideBySideAndWithTheSlider(FxRobot robot) throws Exception {
        await(() -> vm().gallery().tiles().size() == 40);
        robot.clickOn(tile(robot, seeded.get(0).id()));
        StudioLaunch.clickWith(robot, tile(robot, seeded.get(4).id()), false, true);
        await(() -> !robot.lookup("#selection-compare").queryButton().isDisabled());
        robot.clickOn("#selection-compare");
        await(() -> robot.lookup("#image-compare").query().isVisible());
        ImageCompareViewModel two = vm().imageCompare();
        assertEquals(seeded.get(0).id(), two.leftProperty().get().id());
        await(() -> robot.lookup("#image-compare-left").queryAs(javafx.scene.image.ImageView.class).getImage() != null
                && robot.lookup("#image-compare-left").queryAs(javafx.scene.image.ImageView.class).getImage()
                .getProgress() >= 1);
        Screenshots.save(stage.getScene(), "gallery-select-compare-side-by-side");

        robot.clickOn("#image-compare-slider");
        assertEquals(ImageCompareViewModel.Mode.SLIDER, two.modeProperty().get());
        robot.interact(() -> two.splitProperty().set(0.3));
        Screenshots.save(stage.getScene(), "gallery-select-compare-slider");
        robot.type(KeyCode.ESCAPE);
        await(() -> !robot.lookup("#image-compare").query().isVisible());
    }
}
