package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailViewModelTest {
    @TempDir
    Path dir;
    private StudioFixture f;
    private List<StoredImage> all;
    private DetailViewModel detail;

    @BeforeEach
    void open() {
        f = new StudioFixture(dir);
        all = f.studio.seed(4);
        f.vm.start();
        detail = f.vm.detail();
        f.vm.open(f.vm.gallery().tiles().get(1));
    }

    @Test
    void arrowsMoveThroughTheGalleryAndStopAtTheEnds() {
        assertEquals(all.get(1).id(), detail.imageProperty().get().id());
        detail.move(-1);
        detail.move(-1);
        assertEquals(all.get(0).id(), detail.imageProperty().get().id());
        detail.move(1);
        detail.move(1);
        detail.move(1);
        detail.move(1);
        assertEquals(all.get(3).id(), detail.imageProperty().get().id());
    }

    @Test
    void theChainOfAFinishedImageComesFromItsMetadata() {
        assertEquals(List.of("quota_exhausted", "success"),
                detail.chain().rows().stream().map(ChainRow::outcomeName).toList());
        assertNotNull(detail.chain().rows().getFirst().coolingUntil());
    }

    @Test
    void saveAsPngCopiesTheFileAndJpegReEncodesIt() throws Exception {
        Path png = dir.resolve("out/copy.png");
        Files.createDirectories(png.getParent());
        detail.saveAs(png);
        assertArrayEquals(Files.readAllBytes(all.get(1).path()), Files.readAllBytes(png));
        assertTrue(f.vm.noticeProperty().get().startsWith("Saved to"));

        Path jpg = dir.resolve("out/copy.jpg");
        detail.saveAs(jpg);
        try (var in = ImageIO.createImageInputStream(jpg.toFile())) {
            assertEquals("JPEG", ImageIO.getImageReaders(in).next().getFormatName().toUpperCase());
        }
    }

    @Test
    void copyActionsGoToTheDesktopClipboard() {
        detail.copyPrompt();
        detail.copyImage();
        detail.openFolder();
        assertEquals(List.of("image 2, detailed"), f.desktop.texts);
        assertEquals(List.of(all.get(1).path()), f.desktop.images);
        assertEquals(List.of(all.get(1).path().getParent()), f.desktop.folders);
    }

    @Test
    void favouriteTogglesInTheLibraryAndTheGallery() {
        detail.toggleFavourite();
        assertTrue(detail.imageProperty().get().favourite());
        assertTrue(f.studio.store().find(all.get(1).id()).orElseThrow().favourite());
        f.vm.gallery().filters().favouritesOnlyProperty().set(true);
        assertEquals(List.of(all.get(1).id()), f.vm.gallery().tiles().stream().map(Tile::key).toList());
    }

    @Test
    void deleteShowsTheNextImageAndUndoBringsItBack() {
        detail.delete();
        assertEquals(all.get(2).id(), detail.imageProperty().get().id());
        assertEquals(3, f.vm.gallery().tiles().size());
        f.vm.gallery().undoDelete();
        assertEquals(4, f.vm.gallery().tiles().size());
        assertTrue(Files.exists(all.get(1).path()));
    }

    @Test
    void reuseFillsTheFormAndRegenerateRunsWithTheSameSeed() {
        detail.reuse();
        assertFalse(detail.showing().get());
        assertEquals("image 2", f.vm.create().promptProperty().get());

        f.vm.open(f.vm.gallery().tiles().get(1));
        detail.regenerate();
        assertEquals(1, f.studio.requests.size());
        assertEquals(all.get(1).metadata().seed(), f.studio.requests.getFirst().seed());
        assertEquals(1, f.studio.requests.getFirst().count());
    }

    @Test
    void showThisRunFiltersTheGalleryToTheImagesOfTheRunAndCloses() {
        assertFalse(detail.inRun().get(), "an image from before runs had ids");
        f.vm.create().promptProperty().set("two cranes");
        f.vm.create().countProperty().set(2);
        f.vm.generation().generate();
        Tile.Stored made = (Tile.Stored) f.vm.gallery().tiles().getFirst().now();
        f.vm.gallery().filters().searchProperty().set("cranes");
        f.vm.open(f.vm.gallery().tiles().getFirst());
        assertTrue(detail.inRun().get());

        detail.showRun();

        assertFalse(detail.showing().get());
        assertEquals(made.image().metadata().runId(), f.vm.gallery().filters().runProperty().get());
        assertEquals("", f.vm.gallery().filters().searchProperty().get(), "every other filter is cleared");
        assertEquals(2, f.vm.gallery().tiles().size());
        assertTrue(f.vm.gallery().storedImages().stream().allMatch(i -> i.metadata().promptOriginal().equals("two cranes")));
    }

    @Test
    void twoSelectedImagesOpenSideBySideWithWhatDiffers() {
        f.vm.gallery().click(0, false, false);
        f.vm.gallery().click(2, false, true);
        f.vm.compareSelected();

        ImageCompareViewModel two = f.vm.imageCompare();
        assertTrue(two.showing().get());
        assertEquals(all.get(0).id(), two.leftProperty().get().id());
        assertEquals(all.get(2).id(), two.rightProperty().get().id());
        List<ImageCompareViewModel.Difference> diff = two.differences(f.i18n);
        assertEquals(List.of("detail.seed", "detail.finalPrompt"),
                diff.stream().map(ImageCompareViewModel.Difference::labelKey).toList(), "same provider, model, size");
        assertEquals(List.of("1003", "1001"), List.of(diff.get(0).left(), diff.get(0).right()));
        two.swap();
        assertEquals(all.get(2).id(), two.leftProperty().get().id());
        two.close();
        assertFalse(two.showing().get());

        f.vm.gallery().click(1, false, true);
        f.vm.compareSelected();
        assertFalse(two.showing().get(), "three selected: nothing to compare side by side");
    }
}
