package io.quotacanvas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// Runs the real command line as its own JVM (`io.quotacanvas.Main`, as the launcher does), for tests where
/// separate processes matter: two installs sharing a ledger, what reaches the real stdout and stderr.
/// Only the environment is the test's (a `QUOTA_CANVAS_HOME`, tokens, variables the config names).
public final class CliProcess {
    private final Path home;
    private final Map<String, String> env;

    public CliProcess(Path home, Map<String, String> env) {
        this.home = home;
        this.env = Map.copyOf(env);
    }

    /// Starts the CLI with `args`; stdout and stderr go to files in the home folder.
    public Started start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(NoInternet.jvmArgs());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.quotacanvas.Main"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(home);
            Path out = Files.createTempFile(home, "stdout-", ".txt");
            Path err = Files.createTempFile(home, "stderr-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().keySet().removeIf(k -> k.startsWith("QUOTA_CANVAS_") || k.startsWith("T2I_PEINTURE_"));
            pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
            pb.environment().putAll(env);
            return new Started(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Runs the CLI to its end (at most two minutes).
    public Result run(String... args) {
        return start(args).await();
    }

    /// A CLI process on its way.
    public record Started(Process process, Path stdout, Path stderr) {
        public Result await() {
            try {
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("the CLI did not finish in two minutes");
                }
                return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /// What one run printed.
    public record Result(int exitCode, String stdout, String stderr) {
        public tools.jackson.databind.JsonNode json() {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(stdout);
        }
    }
}
