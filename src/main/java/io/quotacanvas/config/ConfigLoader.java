package io.quotacanvas.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/// Loads the configuration: the built-in defaults (the documented `config.example.yaml` on the classpath),
/// the user's file deep-merged over them, `${ENV}` expanded, environment token lists and the URL override
/// added, then everything validated at once.
///
/// Stateless and thread-safe; call it once at start-up and pass the [AppConfig] on.
public final class ConfigLoader {
    /// Classpath location of the defaults; the build copies `assets/config.example.yaml` there.
    public static final String DEFAULTS_RESOURCE = "/io/quotacanvas/config/config.example.yaml";

    private ConfigLoader() {
    }

    /// Loads and validates the configuration.
    ///
    /// - `file`: the user's YAML file, or null for the built-in defaults plus the environment only. A
    ///   given file must exist and be readable; an empty file means "all defaults".
    /// - `env`: the environment to expand `${NAME}` from and to read token lists from (not null).
    ///
    /// @throws ConfigException with every problem found, each located in `file` where possible
    public static AppConfig load(Path file, Map<String, String> env) throws ConfigException {
        YamlDocument defaults = parse(null, readDefaults());
        YamlDocument user = file == null ? YamlDocument.empty() : parse(file, readUserFile(file));
        ObjectNode merged = TreeMerger.merge(defaults.root(), user.root());
        Problems problems = new Problems(file, user);
        AppConfig config = new ConfigBinder(problems, Map.copyOf(env)).bind(merged, file);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.sorted());
        }
        return config;
    }

    private static YamlDocument parse(Path file, String text) throws ConfigException {
        YamlTreeReader reader = new YamlTreeReader(file);
        YamlDocument document = reader.read(text);
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(reader.problems());
        }
        return document;
    }

    private static String readUserFile(Path file) throws ConfigException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw single(file, "the config file does not exist; create it (see config.example.yaml) or drop --config");
        } catch (CharacterCodingException e) {
            throw single(file, "the config file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "is a folder, not a file" : "cannot be read (" + e.getClass().getSimpleName() + ")";
            throw single(file, "the config file " + why + "; check the path and its permissions");
        }
    }

    private static String readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in defaults missing from the classpath: " + DEFAULTS_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults " + DEFAULTS_RESOURCE, e);
        }
    }

    private static ConfigException single(Path file, String message) {
        return new ConfigException(List.of(new ConfigProblem(file, 0, "", message)));
    }
}
