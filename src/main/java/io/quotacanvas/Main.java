package io.quotacanvas;

import io.quotacanvas.cli.Cli;
import io.quotacanvas.cli.CliContext;
import io.quotacanvas.config.AppDirs;
import io.quotacanvas.mcp.McpStdioServer;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/// The launcher: no arguments opens the desktop studio; any argument runs the command line.
/// (A plain class, not an `Application`, so the shaded jar starts JavaFX from the class path.)
public final class Main {
    /// The launcher's hidden flag for recording the start-up cache: a few command-line calls against a
    /// loopback provider ([AotTraining]), then the studio headless until it is interactive.
    static final String AOT_TRAINING = "--aot-training";

    private Main() {
    }

    private static void launchStudio(String[] args) {
        try {
            io.quotacanvas.ui.StudioLauncher.launch(args);
        } catch (RuntimeException | LinkageError e) {
            java.util.logging.Logger.getLogger(Main.class.getName()).log(java.util.logging.Level.SEVERE,
                    "the studio could not start", e);
            System.err.println("The desktop studio could not start (" + e.getMessage() + "). It needs a desktop "
                    + "session; on a machine without one, use the command line: quota-canvas --prompt \"…\"");
            System.exit(1);
        }
    }

    public static void main(String[] args) {
        StartupTrace.start();
        Logs.toFile(AppDirs.fromEnvironment(System.getenv()).stateDir().resolve("logs"));
        StartupTrace.mark("logs");
        if (args.length == 0) {
            launchStudio(args);
            return;
        }
        if (args.length == 1 && List.of(AOT_TRAINING, AOT_TRAINING + "=cli", AOT_TRAINING + "=studio").contains(args[0])) {
            // used by packaging/quota-canvas (and installers) to record a start-up cache; not part of the CLI
            // contract. --aot-training: command line, then the studio until interactive; =cli or =studio: one.
            String part = args[0].substring(AOT_TRAINING.length());
            if (!part.equals("=studio")) {
                AotTraining.commandLine();
            }
            if (part.equals("=cli")) {
                System.exit(0);
            }
            io.quotacanvas.ui.StudioWarmRun.run(uptime -> System.out.println("interactive after " + uptime + " ms"));
            return;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        StartupTrace.mark("cli start");
        String version = Main.class.getPackage().getImplementationVersion();
        CliContext context = CliContext.system().withMcp(app -> McpStdioServer.serve(app, System.in, System.out,
                version == null ? "dev" : version));
        int code = Cli.run(args, context, out, err);
        out.flush();
        err.flush();
        StartupTrace.mark("exit");
        System.exit(code);
    }
}
