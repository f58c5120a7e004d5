package io.quotacanvas.cli;

import io.quotacanvas.GatewayLauncher;
import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.storage.StorageException;
import io.quotacanvas.token.vault.VaultException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/// The one place a failure becomes an exit code and an error payload, for every command and the generate
/// fast path alike, so the same failure reads the same whichever command met it: commands let these
/// exceptions go; this prints `{error_type, error, …}` on stdout with `--json`, else a message on stderr.
final class CliErrors {
    private static final Logger LOG = Logger.getLogger(CliErrors.class.getName());

    private CliErrors() {
    }

    /// Reports a group command (`tokens`, `gateway keys`) run without one of its subcommands as a usage
    /// error naming the full commands it offers, and returns the exit code.
    static int missingSubcommand(CommandSpec spec) {
        List<String> leaves = new ArrayList<>();
        collectLeaves(spec.commandLine(), leaves);
        String offered = leaves.size() == 1 ? leaves.getFirst()
                : String.join(", ", leaves.subList(0, leaves.size() - 1)) + " or " + leaves.getLast();
        Output io = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        return new GenerateCommand.Reporter(io, Globals.json(spec)).usageError("Missing subcommand: use " + offered
                + ".");
    }

    private static void collectLeaves(CommandLine command, List<String> into) {
        if (command.getSubcommands().isEmpty()) {
            into.add("'" + command.getCommandSpec().qualifiedName().replaceFirst("^\\S+ ", "") + "'");
        }
        new LinkedHashSet<>(command.getSubcommands().values()).forEach(c -> collectLeaves(c, into));
    }

    /// Reports `e` and returns the exit code.
    static int handle(Exception e, Output io, boolean json) {
        GenerateCommand.Reporter reporter = new GenerateCommand.Reporter(io, json);
        return switch (e) {
            case ConfigException c -> reporter.configError(c);
            // the ledger, the prompt cache or the library can't be opened or used (a database down, a file
            // locked or damaged): the message names it and says what to do
            case QuotaCanvas.StartupException s -> reporter.startupError(s.getMessage());
            case StorageException s -> reporter.startupError(s.getMessage());
            case VaultException v -> reporter.fail(ExitCode.NONE, ErrorType.VAULT_ERROR, v.getMessage(), Map.of(),
                    v.getMessage());
            case GatewayLauncher.Refused r -> reporter.fail(r.usage() ? ExitCode.USAGE : ExitCode.NONE,
                    ErrorType.USAGE_ERROR, r.getMessage(), Map.of(), r.getMessage());
            case InterruptedException i -> {
                Thread.currentThread().interrupt();
                yield reporter.fail(ExitCode.NONE, ErrorType.CANCELLED, "Interrupted.", Map.of(), "Interrupted.");
            }
            default -> internal(e, reporter);
        };
    }

    private static int internal(Exception e, GenerateCommand.Reporter reporter) {
        String message = "Internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                + ". Please report it; details are in the log.";
        LOG.log(Level.SEVERE, message, e);
        return reporter.fail(ExitCode.NONE, ErrorType.INTERNAL_ERROR, message, Map.of(), message);
    }
}
