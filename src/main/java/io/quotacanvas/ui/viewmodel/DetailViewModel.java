package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.ui.DesktopPort;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.ImageExporter;
import io.quotacanvas.ui.service.ImageStore;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// The detail view: one stored image, its neighbours in gallery order, and what can be done with it.
/// FX thread only.
public final class DetailViewModel {
    private final ImageStore store;
    private final TaskService tasks;
    private final I18n i18n;
    private final DesktopPort desktop;
    private final GalleryViewModel gallery;
    private final CreateViewModel create;
    private final GenerationViewModel generation;
    private final Consumer<String> notices;
    private final Consumer<Throwable> errors;
    private final ReadOnlyObjectWrapper<StoredImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final BooleanBinding showing = Bindings.isNotNull(image);
    private final BooleanBinding inRun = Bindings.createBooleanBinding(
            () -> image.get() != null && image.get().metadata().runId() != null, image);
    private final ChainViewModel chain = new ChainViewModel();

    public DetailViewModel(ImageStore store, TaskService tasks, I18n i18n, DesktopPort desktop,
                           GalleryViewModel gallery, CreateViewModel create, GenerationViewModel generation,
                           Consumer<String> notices, Consumer<Throwable> errors) {
        this.store = store;
        this.tasks = tasks;
        this.i18n = i18n;
        this.desktop = desktop;
        this.gallery = gallery;
        this.create = create;
        this.generation = generation;
        this.notices = notices;
        this.errors = errors;
        image.addListener((obs, old, now) -> {
            if (now == null) {
                chain.clear();
            } else {
                chain.show(now.metadata().attempts(), "");
            }
        });
    }

    /// The shown image's fallback chain.
    public ChainViewModel chain() { return chain; }

    /// The image shown, or null when the detail view is closed.
    public ReadOnlyObjectProperty<StoredImage> imageProperty() { return image.getReadOnlyProperty(); }
    public BooleanBinding showing() { return showing; }

    public void open(StoredImage stored) {
        image.set(stored);
    }

    public void close() {
        image.set(null);
    }

    /// Moves to the next (`+1`) or previous (`-1`) stored image in gallery order; stays at the ends.
    public void move(int step) {
        StoredImage current = image.get();
        if (current != null) {
            gallery.neighbour(current.id(), step, next -> {
                if (image.get() == current) {
                    image.set(next);
                }
            }, () -> { });
        }
    }

    /// Whether the shown image belongs to a studio run (a batch or a comparison) that can be shown.
    public BooleanBinding inRun() {
        return inRun;
    }

    /// Shows the run of this image in the gallery (every other filter cleared) and closes the view.
    public void showRun() {
        StoredImage current = image.get();
        if (current != null && current.metadata().runId() != null) {
            gallery.filters().clear();
            gallery.filters().searchProperty().set("");
            gallery.filters().favouritesOnlyProperty().set(false);
            gallery.filters().runProperty().set(current.metadata().runId());
            close();
        }
    }

    /// A file name for Save As: the image id.
    public String suggestedName() {
        return image.get() == null ? "image.png" : image.get().id() + ".png";
    }

    /// Saves a copy: PNG keeps the metadata; `.jpg`/`.jpeg` is re-encoded.
    public void saveAs(Path target) {
        StoredImage current = image.get();
        if (current == null || target == null) {
            return;
        }
        tasks.submit("save-as", () -> new ImageExporter(store).export(current, target),
                saved -> notices.accept(i18n.get("notice.saved", saved.toString())), errors);
    }

    public void copyPrompt() {
        ImageMetadata m = metadata();
        if (m != null) {
            desktop.copyText(m.promptFinal() != null ? m.promptFinal() : m.promptOriginal());
            notices.accept(i18n.get("notice.promptCopied"));
        }
    }

    public void copyImage() {
        if (image.get() != null) {
            desktop.copyImage(image.get().path());
            notices.accept(i18n.get("notice.imageCopied"));
        }
    }

    public void openFolder() {
        if (image.get() != null) {
            desktop.openFolder(image.get().path().toAbsolutePath().getParent());
        }
    }

    /// Fills the create panel with this image's settings and closes the view.
    public void reuse() {
        ImageMetadata m = metadata();
        if (m != null) {
            create.apply(m);
            close();
        }
    }

    /// Generates one image again with the same settings and seed.
    public void regenerate() {
        ImageMetadata m = metadata();
        if (m != null) {
            create.apply(m);
            close();
            generation.generate();
        }
    }

    public void toggleFavourite() {
        StoredImage current = image.get();
        if (current == null) {
            return;
        }
        boolean wanted = !current.favourite();
        tasks.submit("favourite", () -> store.setFavourite(current.id(), wanted), changed -> {
            StoredImage updated = new StoredImage(current.id(), current.path(), current.metadata(), wanted);
            gallery.replaceImage(updated);
            if (image.get() != null && image.get().id().equals(current.id())) {
                image.set(updated);
            }
        }, errors);
    }

    /// Takes the image out of the gallery (undo is offered) and shows the next one (else the previous
    /// one), or closes.
    public void delete() {
        StoredImage current = image.get();
        if (current == null) {
            return;
        }
        Consumer<StoredImage> show = next -> {
            if (image.get() == current || image.get() == null) {
                image.set(next);
            }
        };
        gallery.neighbour(current.id(), 1, show, () -> gallery.neighbour(current.id(), -1, show,
                () -> image.set(null)));
        gallery.deleteWithUndo(current);
        if (image.get() == current) {
            image.set(null);
        }
        notices.accept(i18n.get("notice.deleted"));
    }

    private ImageMetadata metadata() {
        return image.get() == null ? null : image.get().metadata();
    }
}
