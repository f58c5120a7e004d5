package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `quota-canvas mcp [--config FILE]`: serves the Model Context Protocol on stdin/stdout for AI agents.
/// stdout is the protocol channel, so every message of this command goes to stderr.
@Command(name = "mcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the Model Context Protocol on stdin/stdout, for AI agents (Claude Desktop, Claude "
                + "Code, Codex…). Tools: generate_image, search_images, get_image, quota_status, list_models.",
                "Images are saved in the library; nothing but protocol messages is written to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the client closed the connection", "1:the ledger or the library could not be opened",
                "2:bad flags or config"})
final class McpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: the user's config.yaml).")
    Path config;

    private final CliContext context;

    McpCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (QuotaCanvas app = context.opener().open(config, context.env(), context.clock())) {
            err.println("quota-canvas: MCP server ready on stdin/stdout (library " + app.library().root() + ")");
            err.flush();
            return context.mcp().serve(app);
        } catch (ConfigException e) {
            err.println("quota-canvas mcp: the config has problems; nothing was started:\n  "
                    + String.join("\n  ", e.problems().stream().map(Object::toString).toList()));
            return ExitCode.USAGE;
        } catch (QuotaCanvas.StartupException e) {
            err.println("quota-canvas mcp: " + e.getMessage());
            return ExitCode.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.NONE;
        } finally {
            err.flush();
        }
    }
}
