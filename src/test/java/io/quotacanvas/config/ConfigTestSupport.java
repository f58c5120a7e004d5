package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/// Small helpers shared by the config tests: write a YAML file, load it, collect the problems.
final class ConfigTestSupport {
    private ConfigTestSupport() {
    }

    static Path write(Path dir, String yaml) {
        try {
            return Files.writeString(dir.resolve("config.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(Path dir, String name) {
        try (var in = ConfigTestSupport.class.getResourceAsStream(name)) {
            return write(dir, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigException failure(Path file, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, env));
    }

    static List<ConfigProblem> problems(Path file, Map<String, String> env) {
        return failure(file, env).problems();
    }

    static List<String> linesAndPaths(List<ConfigProblem> problems) {
        return problems.stream().map(p -> p.line() + " " + p.path()).toList();
    }
}
