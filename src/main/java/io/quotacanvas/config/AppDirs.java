package io.quotacanvas.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Where Quota Canvas reads its config and writes its state and images.
///
/// With `QUOTA_CANVAS_HOME` set, everything lives under it (`config.yaml`, `state/`, `library/`);
/// otherwise the platform's usual folders: XDG on Linux, `~/Library/Application Support` on macOS,
/// `%APPDATA%`/`%LOCALAPPDATA%` on Windows, and the pictures folder for the library.
/// `QUOTA_CANVAS_LIBRARY` moves the library alone, whichever of those applies.
public record AppDirs(Path configDir, Path stateDir, Path libraryDir) {

    public static final String HOME_VARIABLE = "QUOTA_CANVAS_HOME";
    /// Moves only the image library (the studio's "library folder" setting uses it too).
    public static final String LIBRARY_VARIABLE = "QUOTA_CANVAS_LIBRARY";
    private static final String APP = "quota-canvas";
    private static final Pattern USER_DIR = Pattern.compile("XDG_PICTURES_DIR=\"([^\"]*)\"");

    /// The user's config file (it may not exist).
    public Path configFile() {
        return configDir.resolve("config.yaml");
    }

    public Path ledgerFile() {
        return stateDir.resolve("ledger.db");
    }

    public static AppDirs fromEnvironment(Map<String, String> env) {
        return resolve(env, System.getProperty("os.name", ""), userHome(env));
    }

    /// The user's home folder: `HOME` when it is set to an absolute path (as every Unix program reads it;
    /// the JDK's `user.home` comes from the password database and ignores it, so a program started with
    /// another `HOME` — a sandbox, a service, a test — would write into the account's real home), else
    /// `user.home`. On Windows, `user.home` (the user profile) always.
    public static Path userHome(Map<String, String> env) {
        return userHome(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")));
    }

    static Path userHome(Map<String, String> env, String osName, Path fromJdk) {
        String home = env.get("HOME");
        if (osName.toLowerCase(Locale.ROOT).contains("win") || home == null || home.isBlank()) {
            return fromJdk;
        }
        Path path = Path.of(home.strip());
        return path.isAbsolute() ? path : fromJdk;
    }

    static AppDirs resolve(Map<String, String> env, String osName, Path userHome) {
        AppDirs dirs = resolveDefaults(env, osName, userHome);
        String library = env.get(LIBRARY_VARIABLE);
        if (library == null || library.isBlank()) {
            return dirs;
        }
        return new AppDirs(dirs.configDir(), dirs.stateDir(), Path.of(library.trim()).toAbsolutePath());
    }

    private static AppDirs resolveDefaults(Map<String, String> env, String osName, Path userHome) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home.trim()).toAbsolutePath();
            return new AppDirs(root, root.resolve("state"), root.resolve("library"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path pictures = userHome.resolve("Pictures").resolve("Quota Canvas");
        if (os.contains("win")) {
            Path roaming = pathOr(env, "APPDATA", userHome.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env, "LOCALAPPDATA", userHome.resolve("AppData").resolve("Local"));
            return new AppDirs(roaming.resolve("Quota Canvas"), local.resolve("Quota Canvas"), pictures);
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library").resolve("Application Support").resolve("Quota Canvas");
            return new AppDirs(support, support.resolve("state"), pictures);
        }
        Path configHome = pathOr(env, "XDG_CONFIG_HOME", userHome.resolve(".config"));
        Path state = pathOr(env, "XDG_STATE_HOME", userHome.resolve(".local").resolve("state")).resolve(APP);
        Path pics = env.containsKey("XDG_PICTURES_DIR") && !env.get("XDG_PICTURES_DIR").isBlank()
                ? Path.of(env.get("XDG_PICTURES_DIR")).resolve("Quota Canvas")
                : userPicturesDir(configHome, userHome).map(p -> p.resolve("Quota Canvas")).orElse(pictures);
        return new AppDirs(configHome.resolve(APP), state, pics);
    }

    /// The pictures folder the desktop named in `user-dirs.dirs` (xdg-user-dirs: `XDG_PICTURES_DIR="$HOME/图片"`
    /// on a Chinese desktop, `"$HOME/Bilder"` on a German one), if that file names one other than the home
    /// folder itself (which means "none").
    private static Optional<Path> userPicturesDir(Path configHome, Path userHome) {
        List<String> lines;
        try {
            lines = Files.readAllLines(configHome.resolve("user-dirs.dirs"));
        } catch (IOException e) {
            return Optional.empty(); // no such file (most non-desktop machines), or unreadable: the default
        }
        for (String line : lines) {
            Matcher m = USER_DIR.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            String value = m.group(1);
            String path = value.startsWith("$HOME") ? userHome + value.substring("$HOME".length()) : value;
            try {
                Path dir = Path.of(path);
                return dir.isAbsolute() && !dir.normalize().equals(userHome.normalize()) ? Optional.of(dir)
                        : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Path pathOr(Map<String, String> env, String key, Path fallback) {
        String v = env.get(key);
        return v == null || v.isBlank() ? fallback : Path.of(v);
    }
}
