package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/// What the commands get from outside: the environment, a clock, how to open the services (tests
/// substitute neither the engine nor the adapters, only the environment and folders), and standard input
/// (`tokens add` reads tokens from it, so they never land in shell history).
public record CliContext(Map<String, String> env, Clock clock, Opener opener, InputStream stdin) {

    /// A context reading the process' standard input.
    public CliContext(Map<String, String> env, Clock clock, Opener opener) {
        this(env, clock, opener, System.in);
    }

    @FunctionalInterface
    public interface Opener {
        QuotaCanvas open(Path configFile, Map<String, String> env, Clock clock)
                throws ConfigException, QuotaCanvas.StartupException;
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Clock.systemUTC(), QuotaCanvas::open, System.in);
    }
}
