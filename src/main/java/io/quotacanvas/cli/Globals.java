package io.quotacanvas.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/// The options every command takes, declared once on the root command (inherited by every subcommand), so
/// they work before or after the subcommand: `quota-canvas --config F status` and
/// `quota-canvas status --config F` mean the same.
final class Globals {
    static final String CONFIG = "--config";
    static final String JSON = "--json";

    private Globals() {
    }

    /// `--config FILE`, or null.
    static Path config(CommandSpec spec) {
        OptionSpec option = spec.findOption(CONFIG);
        return option == null ? null : option.getValue();
    }

    /// Whether `--json` was given anywhere on the command line.
    static boolean json(CommandSpec spec) {
        OptionSpec option = spec.findOption(JSON);
        return option != null && Boolean.TRUE.equals(option.getValue());
    }
}
