package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.token.vault.ApiKeyEntry;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/// `quota-canvas gateway keys remove ID|LABEL`: revokes a stored key at once, also in a running gateway.
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Removes a stored gateway API key by id or label; a running gateway refuses it at once.")
final class GatewayKeysRemoveCommand extends AppCommand {

    @Parameters(paramLabel = "KEY", arity = "1", description = "The key's id (key_…) or label.")
    String which;

    GatewayKeysRemoveCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ApiKeyVault vault = new ApiKeyVault(app.dirs().configDir(), context.clock());
        Optional<ApiKeyEntry> removed = vault.remove(which.strip());
        if (removed.isEmpty()) {
            return reporter.fail(ExitCode.NONE, ErrorType.NOTHING_TO_DO, "No stored gateway key has the id or label '"
                    + which + "'.", Map.of(), "No stored gateway key has the id or label '" + which
                    + "'; see 'quota-canvas gateway keys list'.");
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("removed", GatewayKeysListCommand.entryJson(removed.get()));
            io.out().println(JsonPayloads.write(m));
        } else {
            io.out().println("Removed gateway key " + removed.get().id() + " (" + removed.get().hint() + ").");
        }
        io.out().flush();
        return ExitCode.ALL;
    }
}
