package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.ui.DesktopPort;
import io.quotacanvas.ui.Errors;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.TokenManagerHook;
import io.quotacanvas.ui.service.StudioServices;
import io.quotacanvas.ui.service.BulkExport;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/// The main window's model: composes the feature models, routes failures (readable ones to the notice
/// line, others to the unexpected-error dialog), follows the selection with the chain, and closes cleanly.
/// FX thread only.
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final StudioServices services;
    private final TaskService tasks;
    private final I18n i18n;
    private final SettingsStore store;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<Throwable> unexpected = new ReadOnlyObjectWrapper<>(this, "unexpected");
    private final CreateViewModel create;
    private final GalleryViewModel gallery;
    private final ChainViewModel chain = new ChainViewModel();
    private final RunQueue queue;
    private final GenerationViewModel generation;
    private final CompareViewModel compare;
    private final ImageCompareViewModel imageCompare = new ImageCompareViewModel();
    private final DetailViewModel detail;
    private final StatusViewModel status;
    private final SettingsViewModel settings;
    private final WelcomeViewModel welcome;
    private final AboutViewModel about;

    public MainViewModel(StudioServices services, TaskService tasks, I18n i18n, SettingsStore store,
                         DesktopPort desktop, TokenManagerHook tokenManager) {
        this(services, tasks, i18n, store, desktop, tokenManager, ZoneId.systemDefault());
    }

    /// `zone` is where the gallery's date filter counts days.
    public MainViewModel(StudioServices services, TaskService tasks, I18n i18n, SettingsStore store,
                         DesktopPort desktop, TokenManagerHook tokenManager, ZoneId zone) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.store = store;
        this.settings = new SettingsViewModel(store, tasks, i18n);
        this.create = new CreateViewModel(services.providers(), services.optimizePromptByDefault(), services::hint);
        this.gallery = new GalleryViewModel(services.images(), tasks, services.clock(), zone, this::failed);
        this.queue = new RunQueue(services, tasks, this::failed);
        this.generation = new GenerationViewModel(queue, i18n, create, gallery, chain);
        this.compare = new CompareViewModel(services, tasks, i18n, queue, create, gallery, notice::set, this::failed);
        this.detail = new DetailViewModel(services.images(), tasks, i18n, desktop, gallery, create, generation,
                notice::set, this::failed);
        this.status = new StatusViewModel(services, tasks, i18n, tokenManager, this::failed);
        this.welcome = new WelcomeViewModel(services, tasks, i18n, store, desktop, create, status::refresh, this::failed);
        this.about = new AboutViewModel(services, tasks, i18n, desktop, AboutViewModel.manifestVersion());
        generation.setOnTokensChanged(status::refresh);
        generation.setOnCompareEnded(gallery::reload);
        gallery.selectedProperty().addListener((obs, old, now) -> showChainOf(now));
    }

    public CreateViewModel create() { return create; }
    public GalleryViewModel gallery() { return gallery; }
    public ChainViewModel chain() { return chain; }
    public GenerationViewModel generation() { return generation; }
    public RunQueue queue() { return queue; }
    public CompareViewModel compare() { return compare; }
    public ImageCompareViewModel imageCompare() { return imageCompare; }
    public DetailViewModel detail() { return detail; }
    public StatusViewModel status() { return status; }
    public SettingsViewModel settings() { return settings; }
    public WelcomeViewModel welcome() { return welcome; }
    public AboutViewModel about() { return about; }
    public StudioServices.Folders folders() { return services.folders(); }

    /// The last message for the person ("Saved to …", a readable error).
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /// The last unexpected failure (a bug), for the error dialog; [#dismissUnexpected] clears it.
    public ReadOnlyObjectProperty<Throwable> unexpectedProperty() { return unexpected.getReadOnlyProperty(); }

    /// Restores the remembered form and loads the gallery and token figures.
    public void start() {
        create.restore(store);
        gallery.reload();
        status.refresh();
        welcome.start();
    }

    public void notify(String message) {
        notice.set(message == null ? "" : message);
    }

    public void dismissUnexpected() {
        unexpected.set(null);
    }

    /// Routes a failure: readable ones to the notice line, bugs to the dialog (and the log).
    public void failed(Throwable error) {
        Errors.readable(error, i18n).ifPresentOrElse(notice::set, () -> {
            LOG.log(Level.SEVERE, "unexpected error", error);
            unexpected.set(error);
        });
    }

    /// Opens a tile: a stored image in the detail view; a live tile shows its chain.
    public void open(Tile tile) {
        gallery.select(tile);
        if (tile != null && tile.now() instanceof Tile.Stored s) {
            detail.open(s.image());
        }
    }

    /// Opens the two selected images side by side (nothing unless exactly two are selected).
    public void compareSelected() {
        if (gallery.selection().size() == 2) {
            gallery.selectedImages(two -> {
                if (two.size() == 2) {
                    imageCompare.open(two.get(0), two.get(1));
                }
            });
        }
    }

    /// Exports the selected images (PNG with their settings, and a text file each) to a folder or a zip; the
    /// images are read from the library a chunk at a time, however many are selected.
    public void exportSelected(Path target) {
        List<String> ids = List.copyOf(gallery.selection().ids());
        if (target == null || ids.isEmpty()) {
            return;
        }
        notice.set(i18n.get("notice.exporting", ids.size()));
        tasks.submit("export", () -> new BulkExport(services.images()).exportIds(ids, target, n -> {
            if (n % 50 == 0) {
                tasks.onUi(() -> notice.set(i18n.get("notice.exportingProgress", n, ids.size())));
            }
        }), n -> notice.set(i18n.get("notice.exported", n, target.toString())), this::failed);
    }

    /// A file dropped on the window: its embedded settings fill the create panel.
    public void drop(Path file) {
        tasks.submit("read-dropped", () -> services.images().readMetadata(file), found -> found.ifPresentOrElse(m -> {
            create.apply(m);
            notice.set(i18n.get("notice.dropApplied", file.getFileName().toString()));
        }, () -> notice.set(i18n.get("notice.dropNothing", file.getFileName().toString()))), this::failed);
    }

    /// Whether closing needs the person's consent first (a run is in flight).
    public boolean closeNeedsConfirmation() {
        return generation.runningProperty().get();
    }

    /// Remembers the form, commits a pending delete, cancels a running batch, and once it has stopped
    /// saves the settings and calls `then` (on the UI thread).
    public void shutdown(Runnable then) {
        create.remember(store);
        gallery.commitPendingDelete();
        generation.cancel();
        generation.whenIdle(() -> tasks.submit("save-settings", () -> {
            store.save();
            return null;
        }, ignored -> then.run(), e -> then.run()));
    }

    private void showChainOf(Tile tile) {
        if (tile instanceof Tile.Live) {
            generation.liveChain(tile).ifPresent(live -> chain.follow(live, ""));
            return;
        }
        switch (tile) {
            case Tile.Stored s -> chain.show(s.image().metadata().attempts(), s.image().metadata().promptOriginal());
            case null -> { }
            default -> generation.liveChain(tile).ifPresent(live -> chain.follow(live, ""));
        }
    }
}
