package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.StudioFixture;
import io.quotacanvas.ui.TaskService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theVersionComesFromTheManifestAndADevelopmentRunSaysSo() {
        StudioFixture f = new StudioFixture(dir);
        I18n i18n = new I18n(Locale.ENGLISH);
        assertEquals("Version 0.1.0", new AboutViewModel(f.studio, TaskService.sameThread(), i18n, f.desktop, "0.1.0")
                .versionText());
        assertEquals("Development build", new AboutViewModel(f.studio, TaskService.sameThread(), i18n, f.desktop, null)
                .versionText());
    }

    @Test
    void itShowsWhereTheLibraryConfigAndStateLiveAndOpensTheLibrary() {
        StudioFixture f = new StudioFixture(dir);
        AboutViewModel about = f.vm.about();
        assertEquals(f.studio.folders().libraryDir(), about.libraryFolder());
        assertEquals(f.studio.folders().configFile(), about.configFile());
        assertEquals(f.studio.folders().stateDir(), about.stateFolder());
        about.openLibraryFolder();
        assertEquals(List.of(f.studio.folders().libraryDir()), f.desktop.folders);
        assertTrue(about.licence().contains("Classpath Exception"));
    }

    @Test
    void aVaultThatCannotBeReadIsSaidToBeUnknown() {
        StudioFixture f = new StudioFixture(dir);   // the fake core has no vault
        f.vm.about().refresh();
        assertEquals("unknown (FakeStudio has no token vault)", f.vm.about().vaultProperty().get());
    }
}
