package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.token.vault.ApiKeyEntry;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/// `quota-canvas gateway keys list`: the stored keys (id, label, last four characters, when added) and how
/// many more the config and the environment give. Never a key.
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the gateway's API keys: id, label, last characters, when added.")
final class GatewayKeysListCommand extends AppCommand {

    GatewayKeysListCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ApiKeyVault vault = new ApiKeyVault(app.dirs().configDir(), context.clock());
        List<ApiKeyEntry> keys = vault.list();
        int configured = app.config().gateway().apiKeys().size();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", vault.path().toString());
            m.put("keys", keys.stream().map(GatewayKeysListCommand::entryJson).toList());
            m.put("config_keys", configured);
            io.out().println(JsonPayloads.write(m));
        } else {
            keys.forEach(k -> io.out().println(k.id() + "  " + k.hint() + "  " + (k.addedAt() == null ? "" : k.addedAt())
                    + (k.label() == null ? "" : "  \"" + k.label() + "\"")));
            io.err().println(keys.size() + " stored key" + (keys.size() == 1 ? "" : "s") + " (hashed, in " + vault.path()
                    + ")" + (configured == 0 ? "" : "; " + configured + " more from the config or environment") + ".");
        }
        io.out().flush();
        io.err().flush();
        return ExitCode.ALL;
    }

    static Map<String, Object> entryJson(ApiKeyEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("label", e.label());
        m.put("hint", e.hint());
        m.put("added_at", e.addedAt() == null ? null : e.addedAt().toString());
        return m;
    }
}
