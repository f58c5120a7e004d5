package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.ThemeChoice;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The settings dialog's form (theme, language, library folder, config file) and the applied values the
/// app follows. Theme and language apply at once; the folders apply at the next start. FX thread only.
public final class SettingsViewModel {
    public static final String THEME = "ui.theme";
    public static final String LANGUAGE = "ui.language";
    public static final String LIBRARY = "library.folder";
    public static final String CONFIG = "config.file";

    private final SettingsStore store;
    private final TaskService tasks;
    private final I18n i18n;
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private final StringProperty libraryFolder = new SimpleStringProperty(this, "libraryFolder", "");
    private final StringProperty configFile = new SimpleStringProperty(this, "configFile", "");
    private final ReadOnlyObjectWrapper<ThemeChoice> appliedTheme = new ReadOnlyObjectWrapper<>(this, "appliedTheme");
    private final ReadOnlyBooleanWrapper restartNeeded = new ReadOnlyBooleanWrapper(this, "restartNeeded");

    public SettingsViewModel(SettingsStore store, TaskService tasks, I18n i18n) {
        this.store = store;
        this.tasks = tasks;
        this.i18n = i18n;
        appliedTheme.set(ThemeChoice.parse(store.get(THEME, "system")));
        String lang = store.get(LANGUAGE, "");
        if (!lang.isBlank()) {
            i18n.localeProperty().set(I18n.supported(Locale.forLanguageTag(lang)));
        }
        reset();
    }

    public ObjectProperty<ThemeChoice> themeProperty() { return theme; }
    public ObjectProperty<Locale> languageProperty() { return language; }
    public StringProperty libraryFolderProperty() { return libraryFolder; }
    public StringProperty configFileProperty() { return configFile; }
    /// The theme the window wears.
    public ReadOnlyObjectProperty<ThemeChoice> appliedThemeProperty() { return appliedTheme.getReadOnlyProperty(); }
    /// True once a folder setting changed: it takes effect at the next start.
    public ReadOnlyBooleanProperty restartNeededProperty() { return restartNeeded.getReadOnlyProperty(); }

    /// Puts the applied values back into the form (the dialog opens or is cancelled).
    public void reset() {
        theme.set(appliedTheme.get());
        language.set(i18n.locale());
        libraryFolder.set(store.get(LIBRARY, ""));
        configFile.set(store.get(CONFIG, ""));
    }

    /// Applies the form and remembers it.
    public void apply() {
        appliedTheme.set(theme.get());
        i18n.localeProperty().set(I18n.supported(language.get()));
        boolean folders = !Objects.equals(libraryFolder.get().strip(), store.get(LIBRARY, ""))
                || !Objects.equals(configFile.get().strip(), store.get(CONFIG, ""));
        restartNeeded.set(restartNeeded.get() || folders);
        store.put(THEME, theme.get().name().toLowerCase(Locale.ROOT))
                .put(LANGUAGE, i18n.locale().toLanguageTag())
                .put(LIBRARY, libraryFolder.get().strip())
                .put(CONFIG, configFile.get().strip());
        tasks.submit("save-settings", () -> {
            store.save();
            return null;
        }, ignored -> { }, e -> { });
    }
}
