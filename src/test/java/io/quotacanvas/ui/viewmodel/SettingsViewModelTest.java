package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.SettingsStore;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.ThemeChoice;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void applyingSwitchesThemeAndLanguageAtOnceAndRemembersThem() {
        Path file = dir.resolve("studio.properties");
        I18n i18n = new I18n(Locale.ENGLISH);
        SettingsViewModel s = new SettingsViewModel(SettingsStore.load(file), TaskService.sameThread(), i18n);
        assertEquals(ThemeChoice.SYSTEM, s.appliedThemeProperty().get());
        s.themeProperty().set(ThemeChoice.DARK);
        s.languageProperty().set(Locale.SIMPLIFIED_CHINESE);
        assertEquals("Generate", i18n.get("create.generate"), "nothing changes before apply");
        s.apply();
        assertEquals(ThemeChoice.DARK, s.appliedThemeProperty().get());
        assertEquals("生成", i18n.get("create.generate"));
        assertFalse(s.restartNeededProperty().get());

        I18n later = new I18n(Locale.ENGLISH);
        SettingsViewModel again = new SettingsViewModel(SettingsStore.load(file), TaskService.sameThread(), later);
        assertEquals(ThemeChoice.DARK, again.appliedThemeProperty().get());
        assertEquals(Locale.SIMPLIFIED_CHINESE, later.locale());
    }

    @Test
    void folderChangesWaitForTheNextStart() {
        SettingsViewModel s = new SettingsViewModel(SettingsStore.inMemory(), TaskService.sameThread(),
                new I18n(Locale.ENGLISH));
        s.libraryFolderProperty().set("/pictures/qc");
        s.apply();
        assertTrue(s.restartNeededProperty().get());
    }

    @Test
    void everyEnglishKeyHasAChineseTranslation() throws Exception {
        var en = new java.util.Properties();
        var zh = new java.util.Properties();
        try (var a = I18n.class.getResourceAsStream("messages.properties");
             var b = I18n.class.getResourceAsStream("messages_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(en.keySet(), zh.keySet());
    }
}
