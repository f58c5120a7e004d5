package io.quotacanvas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/// The agent skill shipped inside the jar (`packaging/skill/` in the source tree): its files, and
/// `SKILL.md` rendered for one launcher — every command line in its code blocks that starts with
/// `quota-canvas` starts with the launcher's absolute path instead, so the agent runs this installation.
final class SkillFiles {
    /// The skill's folder name in an agent's skills folder, and its `name`.
    static final String NAME = "quota-canvas";
    static final List<String> FILES = List.of("SKILL.md");
    private static final String RESOURCES = "/io/quotacanvas/skill/";
    private static final Pattern COMMAND = Pattern.compile("^quota-canvas(?=\\s|$)");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:@%+,=-]+");

    private SkillFiles() {
    }

    /// A file of the skill as shipped.
    static String read(String file) {
        try (InputStream in = SkillFiles.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("the skill file " + file + " is missing from this build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// `text` with the commands of its code blocks pointed at `launcher` (a shell word or words).
    static String render(String text, String launcher) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (code) {
                line = COMMAND.matcher(line).replaceFirst(java.util.regex.Matcher.quoteReplacement(launcher));
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /// The shell command lines inside the code blocks of `text`, in order.
    static List<String> commands(String text) {
        List<String> commands = new ArrayList<>();
        boolean code = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
            } else if (code && !line.isBlank() && !line.startsWith("#")) {
                commands.add(line);
            }
        }
        return commands;
    }

    /// `path` as one shell word: as it is when it needs no quoting, else in single quotes.
    static String shellWord(String path) {
        return SAFE.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /// The command that runs this installation: the launcher script when it announced itself
    /// (`QUOTA_CANVAS_LAUNCHER`), else the installed app's own launcher (jpackage names it in
    /// `jpackage.app-path`), else `java -jar` on this jar, else plain `quota-canvas` from the PATH.
    static String launcher(Map<String, String> env) {
        String script = env.get("QUOTA_CANVAS_LAUNCHER");
        if (script == null || script.isBlank()) {
            script = System.getProperty("jpackage.app-path");
        }
        if (script != null && !script.isBlank()) {
            return shellWord(Path.of(script.strip()).toAbsolutePath().normalize().toString());
        }
        Optional<Path> jar = runningJar();
        Optional<String> java = ProcessHandle.current().info().command();
        if (jar.isPresent() && java.isPresent()) {
            return shellWord(java.get()) + " --enable-native-access=ALL-UNNAMED -jar " + shellWord(jar.get().toString());
        }
        return NAME;
    }

    private static Optional<Path> runningJar() {
        try {
            Path p = Path.of(SkillFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") ? Optional.of(p.toAbsolutePath()) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
