package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.config.ConfigException;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.storage.StorageException;
import io.quotacanvas.token.vault.VaultException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// Shared shell of the token and status commands: `--json` and `--config`, opening the services, and one
/// mapping of failures to messages and exit codes (the same `{error_type, error}` shape as generation).
abstract class AppCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON on stdout instead of text.")
    boolean json;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: the user's config.yaml).")
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

    @Override
    public final Integer call() {
        Output io = new Output(spec.commandLine().getOut(), spec.commandLine().getErr());
        GenerateCommand.Reporter reporter = new GenerateCommand.Reporter(io, json);
        String usage = validate();
        if (usage != null) {
            return reporter.usageError(usage);
        }
        try (QuotaCanvas app = context.opener().open(config, context.env(), context.clock())) {
            return execute(app, io, reporter);
        } catch (ConfigException e) {
            return reporter.configError(e);
        } catch (QuotaCanvas.StartupException | StorageException e) {
            return reporter.startupError(e.getMessage());
        } catch (VaultException e) {
            return reporter.fail(ExitCode.NONE, ErrorType.VAULT_ERROR, e.getMessage(), Map.of(), e.getMessage());
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
