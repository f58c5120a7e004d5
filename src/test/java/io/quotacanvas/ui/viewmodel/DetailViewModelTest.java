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
                detail.chain().rows().stream().map(ChainRow::outcome).toList());
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
}
