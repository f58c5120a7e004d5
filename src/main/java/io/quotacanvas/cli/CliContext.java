package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/// What the commands get from outside: the environment, a clock, how to open the services (tests
/// substitute neither the engine nor the adapters, only the environment and folders), standard input
/// (`tokens add` reads tokens from it, so they never land in shell history), and the MCP server that
/// `quota-canvas mcp` runs (supplied by the composition root: this package doesn't import that front end).
public record CliContext(Map<String, String> env, Clock clock, Opener opener, InputStream stdin, Mcp mcp) {

    /// No MCP server: `quota-canvas mcp` says so and exits.
    public static final Mcp NO_MCP = app -> {
        throw new IllegalStateException("the MCP server is not part of this build");
    };

    /// A context reading the process' standard input.
    public CliContext(Map<String, String> env, Clock clock, Opener opener) {
        this(env, clock, opener, System.in, NO_MCP);
    }

    public CliContext(Map<String, String> env, Clock clock, Opener opener, InputStream stdin) {
        this(env, clock, opener, stdin, NO_MCP);
    }

    @FunctionalInterface
    public interface Opener {
        QuotaCanvas open(Path configFile, Map<String, String> env, Clock clock)
                throws ConfigException, QuotaCanvas.StartupException;
    }

    /// Serves MCP on the process' stdin/stdout until the client closes stdin; returns the exit code.
    @FunctionalInterface
    public interface Mcp {
        int serve(QuotaCanvas app) throws InterruptedException;
    }

    public CliContext withMcp(Mcp server) {
        return new CliContext(env, clock, opener, stdin, server);
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), Clock.systemUTC(), QuotaCanvas::open, System.in, NO_MCP);
    }
}
