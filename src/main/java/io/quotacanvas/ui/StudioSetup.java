package io.quotacanvas.ui;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.AppDirs;
import io.quotacanvas.ui.service.CoreStudioServices;
import io.quotacanvas.ui.service.StudioServices;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/// What a studio is started with: the environment and clock, how the core is opened, and the desktop
/// ports. The app uses [#system]; TestFX tests pass a temp `QUOTA_CANVAS_HOME` and fake ports.
///
/// `chooser`, `desktop`, `confirmations` and `tokenManager` may be null: the real ones are used (for the
/// token manager, the studio's own window; window tests over a fake core pass [TokenManagerHook#NONE]).
public record StudioSetup(Map<String, String> env, Clock clock, Opener opener, FileChooserPort chooser,
                          DesktopPort desktop, Confirmations confirmations, TokenManagerHook tokenManager,
                          boolean exitOnClose) {

    /// Opens the core; `configFile` null means the usual one.
    @FunctionalInterface
    public interface Opener {
        StudioServices open(Path configFile, Map<String, String> env, Clock clock) throws Exception;
    }

    public static final Opener CORE = (config, env, clock) -> new CoreStudioServices(QuotaCanvas.open(config, env, clock),
            clock);

    public static StudioSetup system() {
        return new StudioSetup(System.getenv(), Clock.systemDefaultZone(), CORE, null, null, null, null, true);
    }

    public StudioSetup withChooser(FileChooserPort c) {
        return new StudioSetup(env, clock, opener, c, desktop, confirmations, tokenManager, exitOnClose);
    }

    public StudioSetup withDesktop(DesktopPort d) {
        return new StudioSetup(env, clock, opener, chooser, d, confirmations, tokenManager, exitOnClose);
    }

    public StudioSetup withConfirmations(Confirmations c) {
        return new StudioSetup(env, clock, opener, chooser, desktop, c, tokenManager, exitOnClose);
    }

    public AppDirs dirs() {
        return AppDirs.fromEnvironment(env);
    }

    /// The studio's own settings file.
    public Path settingsFile() {
        return dirs().stateDir().resolve("studio.properties");
    }
}
