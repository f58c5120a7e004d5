package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.ui.DesktopPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.StudioServices;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The About dialog: the version (the jar manifest's `Implementation-Version`), where the library, the
/// config file and the tokens live, and the licence. The vault's sentence is read in the background when the
/// dialog opens ([#refresh]). FX thread only.
public final class AboutViewModel {
    private final StudioServices services;
    private final TaskService tasks;
    private final I18n i18n;
    private final DesktopPort desktop;
    private final String version;
    private final ReadOnlyStringWrapper vault = new ReadOnlyStringWrapper(this, "vault", "");

    /// `version` is the manifest's (null when running from classes, as in development and tests).
    public AboutViewModel(StudioServices services, TaskService tasks, I18n i18n, DesktopPort desktop, String version) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.desktop = desktop;
        this.version = version;
    }

    /// The running build's version from the jar manifest.
    public static String manifestVersion() {
        return AboutViewModel.class.getPackage().getImplementationVersion();
    }

    /// "Version 0.1.0", or "Development build" when run from classes.
    public String versionText() {
        return version == null || version.isBlank() ? i18n.get("about.devVersion") : i18n.get("about.version", version);
    }

    public Path libraryFolder() {
        return services.folders().libraryDir();
    }

    public Path configFile() {
        return services.folders().configFile();
    }

    public Path stateFolder() {
        return services.folders().stateDir();
    }

    /// Where the vault keeps tokens, in one sentence (empty until read).
    public ReadOnlyStringProperty vaultProperty() {
        return vault.getReadOnlyProperty();
    }

    public String licence() {
        return i18n.get("about.licence");
    }

    /// Reads the vault's location (the keyring probe may block, so in the background).
    public void refresh() {
        tasks.submit("about-vault", () -> services.tokens().protection(), vault::set,
                e -> vault.set(i18n.get("about.vaultUnknown", e.getMessage())));
    }

    public void openLibraryFolder() {
        desktop.openFolder(libraryFolder());
    }
}
