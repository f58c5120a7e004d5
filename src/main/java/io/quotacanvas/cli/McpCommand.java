package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    private final CliContext context;

    McpCommand(CliContext context) {
        this.context = context;
    }

    /// Serves until the client closes stdin. A config or startup failure goes to [CliErrors] (on stderr: stdout
    /// is the protocol's).
    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (QuotaCanvas app = context.opener().open(Globals.config(spec), context.env(), context.clock())) {
            err.println("quota-canvas: MCP server ready on stdin/stdout (library " + app.library().root() + ")");
            err.flush();
            return context.mcp().serve(app);
        } finally {
            err.flush();
        }
    }
}
