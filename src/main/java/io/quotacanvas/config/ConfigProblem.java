package io.quotacanvas.config;

import java.nio.file.Path;

/// One thing wrong with a config file, located for a person: `config.yaml:12: routing.provider_order[1]:
/// unknown provider 'gitea' (known: …)`. `line` is 0 when no line applies (e.g. an unset variable).
public record ConfigProblem(Path file, int line, String path, String message) {

    @Override
    public String toString() {
        String where = file == null ? "<defaults>" : file.toString();
        return where + (line > 0 ? ":" + line : "") + ": " + (path == null || path.isEmpty() ? "" : path + ": ")
                + message;
    }
}
