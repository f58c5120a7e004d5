package io.quotacanvas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/// `quota-canvas tokens list|add|remove|test`: the token vault from the command line.
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Lists, adds, removes and tests tokens. Added tokens go to the vault (the system keyring, "
                + "else an owner-only file in the config folder); config and environment tokens are read-only here.")
final class TokensCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return CliErrors.missingSubcommand(spec);
    }
}
