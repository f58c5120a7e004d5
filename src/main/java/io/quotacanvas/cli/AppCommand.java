package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.core.ProviderId;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// Shared shell of the commands that open the services: the global `--json` and `--config`, checking flags
/// first, and opening and closing the services; failures go to the one mapping in [CliErrors].
abstract class AppCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /// `--json` and `--config`, wherever they were given ([Globals]).
    boolean json;
    Path config;

    final CliContext context;

    AppCommand(CliContext context) {
        this.context = context;
    }

    /// The command's work with the services open; returns the exit code.
    abstract int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter);

    /// Checks flags before anything is opened; a message for people, or null.
    String validate() {
        return null;
    }

    /// Opens the services and runs the command; failures are left to [CliErrors].
    @Override
    public final Integer call() throws ConfigException, QuotaCanvas.StartupException {
        json = Globals.json(spec);
        config = Globals.config(spec);
        Output io = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        GenerateCommand.Reporter reporter = new GenerateCommand.Reporter(io, json);
        String usage = validate();
        if (usage != null) {
            return reporter.usageError(usage);
        }
        try (QuotaCanvas app = context.opener().open(config, context.env(), context.clock())) {
            return execute(app, io, reporter);
        }
    }

    /// `--provider` checked: null when absent, else a message naming the valid providers.
    static String checkProvider(String provider) {
        if (provider == null || ProviderId.fromWireName(provider).isPresent()) {
            return null;
        }
        return "Unknown --provider '" + provider + "'; use huggingface, gitee, modelscope, a4f or openai_compatible.";
    }

    static ProviderId providerOrNull(String provider) {
        return provider == null ? null : ProviderId.fromWireName(provider).orElseThrow();
    }
}
