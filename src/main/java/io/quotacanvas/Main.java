package io.quotacanvas;

import io.quotacanvas.cli.Cli;
import io.quotacanvas.cli.CliContext;
import io.quotacanvas.config.AppDirs;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/// The launcher: no arguments opens the desktop studio; any argument runs the command line.
/// (A plain class, not an `Application`, so the shaded jar starts JavaFX from the class path.)
public final class Main {
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
        Logs.toFile(AppDirs.fromEnvironment(System.getenv()).stateDir().resolve("logs"));
        if (args.length == 0) {
            launchStudio(args);
            return;
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.run(args, CliContext.system(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
