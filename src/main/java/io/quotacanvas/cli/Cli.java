package io.quotacanvas.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/// Entry point of the command line: parses flags with picocli and maps every failure to a named exit
/// code, printing a JSON error on stdout when `--json` was given, so agents never see a stack trace.
public final class Cli {
    private Cli() {
    }

    /// Runs the command line and returns its exit code.
    public static int run(String[] args, CliContext context, PrintWriter out, PrintWriter err) {
        boolean json = Arrays.asList(args).contains(Globals.JSON);
        var plain = GenerateFastPath.parse(args, context);
        if (plain.isPresent()) {
            Output io = new Output(out, err);
            try {
                return plain.get().execute(io);
            } catch (Exception e) {
                return CliErrors.handle(e, io, json);
            }
        }
        CommandLine cmd = new CommandLine(new GenerateCommand(context));
        cmd.addSubcommand(new CommandLine(new StatusCommand(context)));
        cmd.addSubcommand(new CommandLine(new McpCommand(context)));
        cmd.addSubcommand(new CommandLine(new SkillCommand()).addSubcommand(new SkillInstallCommand(context)));
        cmd.addSubcommand(new CommandLine(new TokensCommand())
                .addSubcommand(new TokensListCommand(context))
                .addSubcommand(new TokensAddCommand(context))
                .addSubcommand(new TokensRemoveCommand(context))
                .addSubcommand(new TokensTestCommand(context)));
        cmd.addSubcommand(new CommandLine(new ServeCommand(context)));
        cmd.addSubcommand(new CommandLine(new GatewayCommand())
                .addSubcommand(new CommandLine(new GatewayCommand.Keys())
                        .addSubcommand(new GatewayKeysAddCommand(context))
                        .addSubcommand(new GatewayKeysListCommand(context))
                        .addSubcommand(new GatewayKeysRemoveCommand(context))));
        // `--prompt status` is a prompt, not the status command
        cmd.setAllowSubcommandsAsOptionParameters(true);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, a) -> usage(ex.getMessage(), json, out, err));
        cmd.setExecutionExceptionHandler((ex, c, parsed) -> CliErrors.handle(ex, new Output(out, err),
                Globals.json(c.getCommandSpec())));
        return cmd.execute(args);
    }

    private static int usage(String message, boolean json, PrintWriter out, PrintWriter err) {
        return new GenerateCommand.Reporter(new Output(out, err), json).usageError(message);
    }


    /// `--version` text from the jar's manifest.
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"quota-canvas " + (v == null ? "dev" : v)};
        }
    }
}
