package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theWholeListingIsThereFromTheFirstPageButOnlyPagesNearTheGridAreInMemory() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(1500);
        GalleryViewModel g = f.vm.gallery();

        g.reload();
        assertEquals(1500, g.tiles().size(), "the grid's scroll bar spans the whole library at once");
        assertEquals(1500, g.totalProperty().get());
        assertEquals(all.getFirst().id(), g.tiles().getFirst().key());
        assertInstanceOf(Tile.Pending.class, g.tiles().get(700), "not read yet");
        assertEquals(1, f.studio.store().listCalls.get());

        g.ensureLoaded(700);
        assertEquals(all.get(700).id(), g.tiles().get(700).key());
        for (int i = 0; i < 1500; i += 37) {
            g.ensureLoaded(i);   // scrolling end to end
        }
        assertEquals(all.getLast().id(), g.tiles().getLast().key());
        assertTrue(g.storedImages().size() <= GalleryViewModel.MAX_PAGES * GalleryViewModel.PAGE,
                g.storedImages().size() + " rows in memory");
        assertInstanceOf(Tile.Pending.class, g.tiles().get(0), "the first page was dropped far from the grid");
    }

    @Test
    void searchAndFiltersReloadFromTheFirstPage() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.seed(30);
        GalleryViewModel g = f.vm.gallery();
        g.reload();

        g.filters().searchProperty().set("image 1");
        assertEquals(11, g.tiles().size(), "image 1 and image 10…19");
        g.filters().searchProperty().set("");
        g.filters().providerProperty().set(ProviderId.A4F);
        assertEquals(15, g.tiles().size());
        assertTrue(g.storedImages().stream().allMatch(i -> i.metadata().provider() == ProviderId.A4F));
        g.filters().favouritesOnlyProperty().set(true);
        assertTrue(g.empty().get());
    }

    @Test
    void aspectSeedDateRangeAndOrderFilterTheListing() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(30);   // seeds 1000…1029, made a second apart before NOW
        GalleryViewModel g = f.vm.gallery();
        g.reload();

        g.filters().aspectRatioProperty().set("16:9");
        assertEquals(20, g.tiles().size(), "two seeds in three");
        assertEquals(1, g.filters().activeCount().get());
        g.filters().seedProperty().set("1002");
        assertEquals(List.of(all.get(27).id()), keys(g));
        g.filters().seedProperty().set("not a number");
        assertFalse(g.filters().seedValid().get());
        assertEquals(20, g.tiles().size(), "an unfinished seed doesn't filter");
        g.filters().clear();
        g.filters().toProperty().set(LocalDate.ofInstant(io.quotacanvas.ui.FakeStudio.NOW, ZoneOffset.UTC).minusDays(1));
        assertTrue(g.empty().get(), "all were made today");
        g.filters().clear();
        g.filters().oldestFirstProperty().set(true);
        assertEquals(all.getLast().id(), g.tiles().getFirst().key());
    }

    @Test
    void clickShiftAndCtrlSelectAndCtrlASelectsEverythingEvenUnreadPages() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(400);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        GallerySelection s = g.selection();

        g.click(2, false, false);
        assertEquals(List.of(all.get(2).id()), List.copyOf(s.ids()));
        assertEquals(all.get(2).id(), g.selectedProperty().get().key(), "the chain follows the clicked tile");
        g.click(5, true, false);
        assertEquals(ids(all, 2, 3, 4, 5), List.copyOf(s.ids()));
        g.click(9, false, true);
        g.click(3, false, true);
        assertEquals(ids(all, 2, 4, 5, 9), List.copyOf(s.ids()));
        g.click(7, true, false);
        assertEquals(ids(all, 3, 4, 5, 6, 7), List.copyOf(s.ids()), "Shift goes from the last clicked one");

        g.click(0, false, false);
        g.ensureLoaded(300);   // scrolled there: the page between stays unread
        assertInstanceOf(Tile.Pending.class, g.tiles().get(150));
        g.click(300, true, false);
        assertEquals(301, s.size(), "a range over pages not read yet is read as ids");
        g.selectAll();
        assertEquals(400, s.size());
        g.clearSelection();
        assertEquals(0, s.size());
    }

    @Test
    void theSelectionIsFavouritedDeletedWithOneUndoAndOnlyCommittingRemovesFiles() throws Exception {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(10);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        g.click(1, false, false);
        g.click(3, true, false);

        g.toggleFavouriteSelection();
        assertTrue(ids(all, 1, 2, 3).stream().allMatch(id -> f.studio.store().find(id).orElseThrow().favourite()));
        assertTrue(((Tile.Stored) g.tiles().get(2)).image().favourite(), "the loaded tiles show it");
        g.toggleFavouriteSelection();
        assertFalse(f.studio.store().find(all.get(2).id()).orElseThrow().favourite(), "all were: now none are");

        g.deleteSelectionWithUndo();
        assertEquals(7, g.tiles().size());
        assertEquals(3, g.pendingDeleteProperty().get().count());
        assertEquals(0, g.selection().size());
        g.undoDelete();
        assertEquals(10, g.tiles().size());
        assertEquals(all.get(2).id(), g.tiles().get(2).key(), "back in their places");

        g.click(1, false, false);
        g.click(3, true, false);
        g.deleteSelectionWithUndo();
        assertTrue(Files.exists(all.get(2).path()), "not before the undo window closes");
        g.commitPendingDelete();
        assertFalse(Files.exists(all.get(2).path()));
        assertEquals(ids(all, 1, 2, 3), List.copyOf(f.studio.store().deleted));
        assertEquals(7, g.totalProperty().get());
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
        assertEquals(List.of(all.get(1).id()), g.pendingDeleteProperty().get().ids());
    }

    @Test
    void aRunsImagesJoinAtANewSnapshotAndThePagesInMemoryAreReadAgain() {
        StudioFixture f = new StudioFixture(dir);
        List<StoredImage> all = f.studio.seed(300);
        f.vm.start();
        GalleryViewModel g = f.vm.gallery();
        g.ensureLoaded(250);
        assertEquals(all.get(250).id(), g.tiles().get(250).key());
        f.vm.create().promptProperty().set("a fox");
        f.vm.create().countProperty().set(2);

        f.vm.generation().generate();

        assertEquals(302, g.tiles().size());
        assertEquals(302, g.totalProperty().get());
        assertEquals("a fox", ((Tile.Stored) g.tiles().getFirst()).image().metadata().promptOriginal());
        assertEquals(all.get(250).id(), g.tiles().get(252).key(), "the page far down is still there, two places on");
        assertTrue(g.running().tiles().isEmpty());
    }

    @Test
    void severalFiltersChangedAtOnceReadTheLibraryOnce() throws Exception {
        io.quotacanvas.ui.ManualTaskService tasks = new io.quotacanvas.ui.ManualTaskService();
        StudioFixture f = new StudioFixture(dir, tasks);
        f.studio.seed(20);
        GalleryViewModel g = f.vm.gallery();
        g.reload();
        tasks.drainUntil(() -> g.tiles().size() == 20);
        int before = f.studio.store().listCalls.get();

        g.filters().searchProperty().set("image 1");
        g.filters().aspectRatioProperty().set("16:9");
        g.filters().oldestFirstProperty().set(true);
        tasks.drainUntil(() -> !g.loadingProperty().get() && f.studio.store().listCalls.get() > before);
        Thread.sleep(100);
        tasks.drainUntil(() -> true);

        assertEquals(before + 1, f.studio.store().listCalls.get());
        assertEquals("image 11", ((Tile.Stored) g.tiles().getFirst()).image().metadata().promptOriginal(),
                "the oldest 16:9 image with \"image 1\" in its prompt");
    }

    private static List<String> keys(GalleryViewModel g) {
        return g.tiles().stream().map(Tile::key).toList();
    }

    private static List<String> ids(List<StoredImage> all, int... at) {
        return java.util.Arrays.stream(at).mapToObj(i -> all.get(i).id()).toList();
    }
}
