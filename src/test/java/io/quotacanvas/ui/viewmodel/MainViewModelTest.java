package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.StudioFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aDroppedPngWithSettingsFillsTheCreatePanel() {
        StudioFixture f = new StudioFixture(dir);
        StoredImage image = f.studio.seed(1).getFirst();
        f.vm.drop(image.path());
        assertEquals("image 0", f.vm.create().promptProperty().get());
        assertEquals(ProviderId.GITEE, f.vm.create().providerProperty().get());
        assertTrue(f.vm.noticeProperty().get().startsWith("Settings taken from"));
    }

    @Test
    void aDroppedFileWithoutSettingsSaysSo() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.drop(dir.resolve("holiday.png"));
        assertEquals("holiday.png carries no generation settings.", f.vm.noticeProperty().get());
    }

    @Test
    void readableFailuresBecomeNoticesAndBugsGoToTheDialog() {
        StudioFixture f = new StudioFixture(dir);
        f.vm.failed(new LibraryException("The disk is full."));
        assertEquals("Image library: The disk is full.", f.vm.noticeProperty().get());
        assertNull(f.vm.unexpectedProperty().get());
        IllegalStateException bug = new IllegalStateException("boom");
        f.vm.failed(bug);
        assertSame(bug, f.vm.unexpectedProperty().get());
    }

    @Test
    void selectingAStoredImageShowsItsChain() {
        StudioFixture f = new StudioFixture(dir);
        f.studio.seed(2);
        f.vm.start();
        f.vm.gallery().select(f.vm.gallery().tiles().getFirst());
        assertEquals(List.of("quota_exhausted", "success"), f.vm.chain().rows().stream().map(ChainRow::outcomeName).toList());
    }

    @Test
    void shutdownRemembersTheFormAndCommitsAPendingDelete() {
        StudioFixture f = new StudioFixture(dir);
        StoredImage image = f.studio.seed(1).getFirst();
        f.vm.start();
        f.vm.create().promptProperty().set("remember me");
        f.vm.gallery().deleteWithUndo(image);
        boolean[] closed = {false};
        f.vm.shutdown(() -> closed[0] = true);
        assertTrue(closed[0]);
        assertEquals(List.of(image.id()), f.studio.store().deleted);
        assertEquals("remember me", io.quotacanvas.ui.SettingsStore.load(f.store.file()).get("create.prompt", ""));
    }
}
