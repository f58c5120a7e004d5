package io.quotacanvas.ui;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.ui.control.ThumbnailCache;
import io.quotacanvas.ui.service.StudioServices;
import io.quotacanvas.ui.view.MainView;
import io.quotacanvas.ui.view.TokenManagerDialog;
import io.quotacanvas.ui.viewmodel.MainViewModel;
import io.quotacanvas.ui.viewmodel.TokenManagerViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/// The desktop studio. The core is opened in [#init] (off the FX thread); [#start] builds the window from
/// the view-models and restores its size, position and dividers; closing asks first while a batch runs,
/// then cancels it cleanly.
public final class StudioApp extends Application {
    private static final Logger LOG = Logger.getLogger(StudioApp.class.getName());

    private final StudioSetup setup;
    private SettingsStore store;
    private StudioServices services;
    private Exception startupError;
    private TaskService tasks;
    private I18n i18n;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private Stage tokenWindow;

    public StudioApp() {
        this(StudioSetup.system());
    }

    StudioApp(StudioSetup setup) {
        this.setup = setup;
    }

    /// The environment the core opens with: the studio's library-folder setting, when set, moves the
    /// library through `QUOTA_CANVAS_LIBRARY` (the same variable command-line users have).
    static Map<String, String> coreEnvironment(Map<String, String> env, String libraryFolder) {
        if (libraryFolder == null || libraryFolder.isBlank()) {
            return env;
        }
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.put(io.quotacanvas.config.AppDirs.LIBRARY_VARIABLE, libraryFolder.strip());
        return Map.copyOf(copy);
    }

    @Override
    public void init() {
        // init() runs on the launcher thread: pay the icon packs' one-time set-up here, not mid-batch
        io.quotacanvas.ui.control.OutcomeIcons.preload();
        store = SettingsStore.load(setup.settingsFile());
        String config = store.get("config.file", "");
        try {
            services = setup.opener().open(config.isBlank() ? null : Path.of(config),
                    coreEnvironment(setup.env(), store.get("library.folder", "")), setup.clock());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the studio could not open its services", e);
            startupError = e;
        }
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        i18n = new I18n(Locale.getDefault());
        if (startupError != null) {
            ThemeManager.apply(ThemeChoice.parse(store.get("ui.theme", "system")));
            primary.getIcons().setAll(AppIcons.all());
            StartupFailure.show(primary, i18n, startupError);
            return;
        }
        tasks = new FxTaskService();
        FxDesktop fx = new FxDesktop(setup.exitOnClose() ? getHostServices() : null, i18n);
        vm = new MainViewModel(services, tasks, i18n, store, setup.desktop() != null ? setup.desktop() : fx,
                setup.tokenManager() != null ? setup.tokenManager() : this::openTokenManager);
        ThemeManager.apply(vm.settings().appliedThemeProperty().get());
        vm.settings().appliedThemeProperty().addListener((o, a, now) -> ThemeManager.apply(now));
        view = new MainView(vm, i18n, new ThumbnailCache(services.folders().libraryDir(), tasks), services.providers(),
                setup.chooser() != null ? setup.chooser() : fx,
                setup.confirmations() != null ? setup.confirmations() : Confirmations.dialogs(i18n),
                ZoneId.systemDefault());
        // made at the window's size: the split's first layout then places the create panel at its width,
        // rather than at a share of the content's preferred width (which made it wider than meant)
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.build(), Math.min(store.getDouble("window.w", 1280), screen.getWidth()),
                Math.min(store.getDouble("window.h", 820), screen.getHeight()));
        scene.getStylesheets().add(StudioApp.class.getResource("studio.css").toExternalForm());
        primary.setScene(scene);
        primary.titleProperty().bind(i18n.text("app.title"));
        primary.getIcons().setAll(AppIcons.all());
        vm.unexpectedProperty().addListener((o, a, error) -> showUnexpected(error));
        if (setup.exitOnClose()) {
            // a bug in an event handler reaches the person as the error dialog, not as silence
            Thread.currentThread().setUncaughtExceptionHandler((t, error) -> vm.failed(error));
        }
        restoreGeometry(primary);
        primary.setOnCloseRequest(this::onCloseRequest);
        primary.show();
        vm.start();
        Locale locale = i18n.locale();
        tasks.submit("preload", () -> {
            io.quotacanvas.ui.control.BatchPreload.run(locale, ZoneId.systemDefault());
            return null;
        }, done -> { }, e -> LOG.log(Level.WARNING, "preloading the batch views failed", e));
    }

    @Override
    public void stop() {
        release();
    }

    MainViewModel viewModel() {
        return vm;
    }

    MainView view() {
        return view;
    }

    /// Closes the window as the close button would (asking first if a batch runs).
    void requestClose() {
        onCloseRequest(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /// Opens the token manager window, or brings it forward showing `provider` (null: all).
    private void openTokenManager(ProviderId provider) {
        if (tokenWindow == null || !tokenWindow.isShowing()) {
            TokenManagerViewModel tokens = new TokenManagerViewModel(services.tokens(), tasks, i18n, services.clock(),
                    ZoneId.systemDefault(), vm.status()::refresh, vm::failed);
            tokenWindow = new TokenManagerDialog(tokens, i18n, confirmations()).create(stage);
            tokenWindow.getIcons().setAll(AppIcons.all());
            tokenWindow.setUserData(tokens);
        }
        TokenManagerViewModel tokens = (TokenManagerViewModel) tokenWindow.getUserData();
        tokens.focus(provider);
        tokens.refresh();
        tokenWindow.show();
        tokenWindow.toFront();
    }

    private void showUnexpected(Throwable error) {
        if (error == null) {
            return;
        }
        vm.dismissUnexpected();
        ErrorDialog.create(stage, i18n, error).show();
    }

    private void onCloseRequest(WindowEvent e) {
        e.consume();
        if (vm.closeNeedsConfirmation() && !confirmations().ask(stage, i18n.get("close.confirm"),
                i18n.get("close.quit"))) {
            return;
        }
        rememberGeometry();
        if (tokenWindow != null) {
            tokenWindow.hide();
        }
        view.stop();
        vm.shutdown(() -> {
            stage.hide();
            if (setup.exitOnClose()) {
                Platform.exit();
            } else {
                release();
            }
        });
    }

    private Confirmations confirmations() {
        return setup.confirmations() != null ? setup.confirmations() : Confirmations.dialogs(i18n);
    }

    private void release() {
        if (tasks != null) {
            tasks.close();
            tasks = null;
        }
        if (services != null) {
            services.close();
            services = null;
        }
    }

    private void restoreGeometry(Stage s) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.min(store.getDouble("window.w", 1280), screen.getWidth());
        double h = Math.min(store.getDouble("window.h", 820), screen.getHeight());
        s.setWidth(w);
        s.setHeight(h);
        double x = store.getDouble("window.x", Double.NaN);
        double y = store.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && screen.contains(x + 20, y + 20)) {
            s.setX(Math.min(x, screen.getMaxX() - w));
            s.setY(Math.min(y, screen.getMaxY() - h));
        }
        s.setMaximized(store.getBoolean("window.maximized", false));
        // by default the create panel gets the width its labels and pickers need (380 px), not a share that
        // leaves them cut on a smaller screen
        view.mainSplit().setDividerPositions(store.getDouble("divider.main", Math.clamp(380 / w, 0.2, 0.4)));
        view.rightSplit().setDividerPositions(store.getDouble("divider.right", 0.68));
    }

    private void rememberGeometry() {
        store.put("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            store.put("window.x", stage.getX()).put("window.y", stage.getY())
                    .put("window.w", stage.getWidth()).put("window.h", stage.getHeight());
        }
        store.put("divider.main", view.mainSplit().getDividerPositions()[0])
                .put("divider.right", view.rightSplit().getDividerPositions()[0]);
    }
}
