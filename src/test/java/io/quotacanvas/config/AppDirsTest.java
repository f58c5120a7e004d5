package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirsTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void quotaCanvasHomeHoldsEverythingOnAnyPlatform() {
        Map<String, String> env = Map.of("QUOTA_CANVAS_HOME", " /data/qc ", "XDG_CONFIG_HOME", "/xdg/config");

        AppDirs dirs = AppDirs.resolve(env, "Windows 11", HOME);

        assertEquals(new AppDirs(Path.of("/data/qc"), Path.of("/data/qc/state"), Path.of("/data/qc/library")), dirs);
        assertEquals(Path.of("/data/qc/config.yaml"), dirs.configFile());
        assertEquals(Path.of("/data/qc/state/ledger.db"), dirs.ledgerFile());
    }

    @Test
    void quotaCanvasLibraryMovesOnlyTheLibrary() {
        Map<String, String> env = Map.of("QUOTA_CANVAS_HOME", "/data/qc", "QUOTA_CANVAS_LIBRARY", "/media/art");

        AppDirs dirs = AppDirs.resolve(env, "Linux", HOME);

        assertEquals(new AppDirs(Path.of("/data/qc"), Path.of("/data/qc/state"), Path.of("/media/art")), dirs);
    }

    @Test
    void linuxUsesTheXdgVariablesWhenSet() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "/xdg/config", "XDG_STATE_HOME", "/xdg/state",
                "XDG_PICTURES_DIR", "/media/pictures");

        AppDirs dirs = AppDirs.resolve(env, "Linux", HOME);

        assertEquals(new AppDirs(Path.of("/xdg/config/quota-canvas"), Path.of("/xdg/state/quota-canvas"),
                Path.of("/media/pictures/Quota Canvas")), dirs);
    }

    @Test
    void linuxFallsBackToTheXdgDefaultsUnderHome() {
        AppDirs dirs = AppDirs.resolve(Map.of("XDG_CONFIG_HOME", " "), "Linux", HOME);

        assertEquals(new AppDirs(Path.of("/home/ada/.config/quota-canvas"),
                Path.of("/home/ada/.local/state/quota-canvas"), Path.of("/home/ada/Pictures/Quota Canvas")), dirs);
    }

    /// The JDK's `user.home` comes from the password database; a program started with another `HOME` (a
    /// sandbox, a service account's environment) must use that one, as every Unix program does.
    @Test
    void theHomeVariableWinsOverTheJdksUserHomeExceptOnWindows() {
        Path fromJdk = Path.of("/root");
        assertEquals(Path.of("/tmp/sandbox"), AppDirs.userHome(Map.of("HOME", "/tmp/sandbox"), "Linux", fromJdk));
        assertEquals(Path.of("/Users/ada"), AppDirs.userHome(Map.of("HOME", "/Users/ada"), "Mac OS X", fromJdk));
        assertEquals(fromJdk, AppDirs.userHome(Map.of("HOME", "relative/home"), "Linux", fromJdk));
        assertEquals(fromJdk, AppDirs.userHome(Map.of("HOME", " "), "Linux", fromJdk));
        assertEquals(fromJdk, AppDirs.userHome(Map.of(), "Linux", fromJdk));
        assertEquals(fromJdk, AppDirs.userHome(Map.of("HOME", "/c/msys/home"), "Windows 11", fromJdk));
    }

    /// A desktop names its pictures folder in its own language in `~/.config/user-dirs.dirs` (xdg-user-dirs);
    /// the library goes there, not into an English `~/Pictures` nobody sees.
    @Test
    void linuxPutsTheLibraryInThePicturesFolderTheDesktopNamed(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # This file is written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/桌面"
                XDG_PICTURES_DIR="$HOME/图片"
                """);

        // under a locale whose file names can't hold 图片 (LANG unset: ASCII), the folder can't be named, and
        // the default stands rather than a failure
        boolean unicodeNames = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder()
                .canEncode("图片");
        assertEquals(unicodeNames ? home.resolve("图片").resolve("Quota Canvas") : home.resolve("Pictures/Quota Canvas"),
                AppDirs.resolve(Map.of(), "Linux", home).libraryDir());

        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
        assertEquals(home.resolve("Bilder/Quota Canvas"), AppDirs.resolve(Map.of(), "Linux", home).libraryDir());

        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"/data/photos\"\n");
        assertEquals(Path.of("/data/photos/Quota Canvas"), AppDirs.resolve(Map.of(), "Linux", home).libraryDir());

        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/\"\n");
        assertEquals(home.resolve("Pictures/Quota Canvas"), AppDirs.resolve(Map.of(), "Linux", home).libraryDir(),
                "the home folder itself means the desktop has no pictures folder");

        assertEquals(Path.of("/srv/pics/Quota Canvas"),
                AppDirs.resolve(Map.of("XDG_PICTURES_DIR", "/srv/pics"), "Linux", home).libraryDir(),
                "the variable wins over the file");
    }

    @Test
    void macOsUsesApplicationSupport() {
        AppDirs dirs = AppDirs.resolve(Map.of("XDG_CONFIG_HOME", "/ignored"), "Mac OS X", HOME);

        Path support = Path.of("/home/ada/Library/Application Support/Quota Canvas");
        assertEquals(new AppDirs(support, support.resolve("state"), Path.of("/home/ada/Pictures/Quota Canvas")), dirs);
    }

    @Test
    void windowsUsesAppDataForConfigAndLocalAppDataForState() {
        Map<String, String> env = Map.of("APPDATA", "/users/ada/roaming", "LOCALAPPDATA", "/users/ada/local");

        AppDirs dirs = AppDirs.resolve(env, "Windows 11", HOME);

        assertEquals(new AppDirs(Path.of("/users/ada/roaming/Quota Canvas"), Path.of("/users/ada/local/Quota Canvas"),
                Path.of("/home/ada/Pictures/Quota Canvas")), dirs);
    }

    @Test
    void windowsWithoutAppDataFallsBackUnderTheUserProfile() {
        AppDirs dirs = AppDirs.resolve(Map.of(), "Windows 10", HOME);

        assertEquals(Path.of("/home/ada/AppData/Roaming/Quota Canvas"), dirs.configDir());
        assertEquals(Path.of("/home/ada/AppData/Local/Quota Canvas"), dirs.stateDir());
    }
}
