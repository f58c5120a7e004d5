package io.quotacanvas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// `quota-canvas gateway keys …`: the gateway's API keys (`quota-canvas serve` is the gateway itself).
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Manages the API keys clients of 'quota-canvas serve' must send.")
final class GatewayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliErrors.missingSubcommand(spec);
    }

    /// `quota-canvas gateway keys`: the parent of add, list and remove.
    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "Adds, lists and removes gateway API keys (kept hashed in the config folder).")
    static final class Keys implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return CliErrors.missingSubcommand(spec);
        }
    }
}
