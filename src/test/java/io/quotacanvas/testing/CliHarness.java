package io.quotacanvas.testing;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.cli.Cli;
import io.quotacanvas.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// Runs the real command line in-process against a temp `QUOTA_CANVAS_HOME`, capturing stdout and stderr.
/// Only the environment, the folders and the clock are the test's; config, engine, adapters, ledger and
/// library are the production ones.
public final class CliHarness {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    public CliHarness(Path home) {
        this.home = home;
        env.put("QUOTA_CANVAS_HOME", home.toString());
    }

    public Path home() {
        return home;
    }

    public CliHarness env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /// Writes `config.yaml` into the home folder and returns its path.
    public Path config(String yaml) {
        try {
            Files.createDirectories(home);
            return Files.writeString(home.resolve("config.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The outcome of one run.
    public record Run(int exitCode, String stdout, String stderr) {
        public JsonNode json() {
            return JSON.readTree(stdout);
        }
    }

    public Run run(String... args) {
        return runWithInput("", args);
    }

    /// Runs with `stdin` as standard input (for `tokens add`).
    public Run runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(Map.copyOf(env), clock, QuotaCanvas::open,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = Cli.run(args, ctx, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /// Every file under the home folder (images, ledger, index, logs).
    public List<Path> allFiles() {
        try (Stream<Path> s = Files.walk(home)) {
            return s.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
