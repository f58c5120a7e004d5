package io.quotacanvas.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/// Collects [ConfigProblem]s, locating each in the user's file when the value came from it. Not thread-safe.
final class Problems {
    private final Path file;
    private final YamlDocument user;
    private final List<ConfigProblem> list = new ArrayList<>();

    Problems(Path file, YamlDocument user) {
        this.file = file;
        this.user = user;
    }

    /// Adds a problem at `path`, with the user file's line for it (0 when the value is a default).
    void add(String path, String message) {
        list.add(new ConfigProblem(file, user.lineOf(path), path, message));
    }

    /// Adds a problem located at `path` but shown as `shownPath` (e.g. with a token-like key masked).
    void add(String path, String shownPath, String message) {
        list.add(new ConfigProblem(file, user.lineOf(path), shownPath, message));
    }

    /// Adds a problem about a key that is missing: located at the mapping that should hold it.
    void addMissing(String parentPath, String key, String message) {
        list.add(new ConfigProblem(file, user.lineOf(parentPath), YamlDocument.child(parentPath, key), message));
    }

    /// Adds a problem that no line of the file explains (e.g. a value from an environment variable).
    void addUnlocated(String path, String message) {
        list.add(new ConfigProblem(file, 0, path, message));
    }

    void addAll(List<ConfigProblem> problems) {
        list.addAll(problems);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /// Problems in file order (line 0 — defaults and environment — first), stable otherwise.
    List<ConfigProblem> sorted() {
        List<ConfigProblem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparingInt(ConfigProblem::line));
        return List.copyOf(copy);
    }
}
