package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/// What the commands get from outside: the environment, a clock, and how to open the services
/// (tests substitute neither the engine nor the adapters, only the environment and folders).
public record CliContext(Map<String, String> env, Clock clock, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        QuotaCanvas open(Path configFile, Map<String, String> env, Clock clock)
                throws ConfigException, QuotaCanvas.StartupException;
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Clock.systemUTC(), QuotaCanvas::open);
    }
}
