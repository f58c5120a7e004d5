package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theFirstPageLoadsNewestFirstAndMorePagesComeAsTheGridNearsTheEnd() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(450);
        GalleryViewModel g = f.vm.gallery();

        g.reload();
        assertEquals(GalleryViewModel.PAGE, g.tiles().size());
        assertEquals(450, g.totalProperty().get());
        assertEquals(all.getFirst().id(), g.tiles().getFirst().key());

        g.ensureLoaded(10);
        assertEquals(GalleryViewModel.PAGE, g.tiles().size(), "no page while far from the end");
        g.ensureLoaded(150);
        assertEquals(400, g.tiles().size());
        g.ensureLoaded(399);
        assertEquals(450, g.tiles().size());
        g.ensureLoaded(449);
        assertEquals(450, g.tiles().size());
        assertEquals(all.getLast().id(), g.tiles().getLast().key());
    }

    @Test
    void searchAndFiltersReloadFromTheFirstPage() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.seed(30);
        GalleryViewModel g = f.vm.gallery();
        g.reload();

        g.searchProperty().set("image 1");
        assertEquals(11, g.tiles().size(), "image 1 and image 10…19");
        g.searchProperty().set("");
        g.providerFilterProperty().set(ProviderId.A4F);
        assertEquals(15, g.tiles().size());
        assertTrue(g.storedImages().stream().allMatch(i -> i.metadata().provider() == ProviderId.A4F));
        g.favouritesOnlyProperty().set(true);
        assertTrue(g.empty().get());
    }

    @Test
    void aDeleteCanBeUndoneAndOnlyCommittingRemovesTheFile() throws Exception {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(5);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        StoredImage third = all.get(2);

        g.deleteWithUndo(third);
        assertEquals(4, g.tiles().size());
        assertEquals(4, g.totalProperty().get());
        g.undoDelete();
        assertEquals(third.id(), g.tiles().get(2).key(), "back in its place");
        assertNull(g.pendingDeleteProperty().get());
        assertTrue(Files.exists(third.path()));

        g.deleteWithUndo(third);
        g.commitPendingDelete();
        assertFalse(Files.exists(third.path()));
        assertEquals(List.of(third.id()), f.studio.store().deleted);
    }

    @Test
    void aSecondDeleteCommitsTheFirst() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(3);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        g.deleteWithUndo(all.get(0));
        g.deleteWithUndo(all.get(1));
        assertEquals(List.of(all.get(0).id()), f.studio.store().deleted);
        assertEquals(all.get(1).id(), g.pendingDeleteProperty().get().image().id());
    }
}
