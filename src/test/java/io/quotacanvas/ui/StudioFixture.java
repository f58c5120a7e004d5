package io.quotacanvas.ui;

import io.quotacanvas.ui.viewmodel.MainViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// A main view-model over a [FakeStudio], with a same-thread task service and a recording desktop.
public final class StudioFixture {
    public final FakeStudio studio;
    public final I18n i18n = new I18n(Locale.ENGLISH);
    public final SettingsStore store;
    public final RecordingDesktop desktop = new RecordingDesktop();
    public final MainViewModel vm;

    public StudioFixture(Path dir, TaskService tasks) {
        studio = new FakeStudio(dir.resolve("library"));
        store = SettingsStore.load(dir.resolve("state").resolve("studio.properties"));
        vm = new MainViewModel(studio, tasks, i18n, store, desktop, TokenManagerHook.NONE);
    }

    public StudioFixture(Path dir) {
        this(dir, TaskService.sameThread());
    }

    public static final class RecordingDesktop implements DesktopPort {
        public final List<String> texts = new ArrayList<>();
        public final List<Path> images = new ArrayList<>();
        public final List<Path> folders = new ArrayList<>();
        public final List<String> links = new ArrayList<>();

        @Override
        public void copyText(String text) {
            texts.add(text);
        }

        @Override
        public void copyImage(Path image) {
            images.add(image);
        }

        @Override
        public void openFolder(Path folder) {
            folders.add(folder);
        }

        @Override
        public void openLink(String url) {
            links.add(url);
        }
    }
}
