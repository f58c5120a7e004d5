package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.vault.VaultEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/// `quota-canvas tokens remove --provider P <label-or-#n>`: removes a vault token (no question asked);
/// config and environment tokens are refused with where to change them.
@Command(name = "remove", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Removes a vault token, named by its number (#2, gitee#2) or its name.")
final class TokensRemoveCommand extends AppCommand {

    @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The token's provider.")
    String provider;

    @Parameters(paramLabel = "TOKEN", arity = "1", description = "#n, the masked label (gitee#2) or the token's name.")
    String which;

    TokensRemoveCommand(CliContext context) {
        super(context);
    }

    @Override
    String validate() {
        return checkProvider(provider);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ProviderId id = providerOrNull(provider);
        List<PoolEntry> matches = match(app.tokenPool().entries(id), id, which.strip());
        if (matches.size() > 1) {
            return reporter.usageError("More than one " + id.wireName() + " token is named '" + which
                    + "'; name it by number instead (see 'quota-canvas tokens list').");
        }
        if (matches.isEmpty()) {
            return removeHidden(app, io, reporter, id);
        }
        PoolEntry entry = matches.getFirst();
        String label = entry.token().label();
        if (!entry.editable()) {
            String message = label + " comes from " + entry.origin() + "; " + (entry.origin().startsWith("the config")
                    ? "edit it there." : "change it there.");
            return reporter.fail(ExitCode.NONE, ErrorType.READ_ONLY_TOKEN, message, Map.of(), message);
        }
        app.vault().remove(id, entry.vaultId());
        return removed(io, id, label);
    }

    /// A vault entry the pool doesn't route (unreadable or a duplicate) can still be removed by its name or id.
    private int removeHidden(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter, ProviderId id) {
        List<VaultEntry> hidden = app.vault().entries(id).stream()
                .filter(e -> which.strip().equals(e.id()) || which.strip().equals(e.label())).toList();
        if (hidden.size() != 1) {
            return reporter.usageError("No " + id.wireName() + " token matches '" + which
                    + "'; see 'quota-canvas tokens list --provider " + id.wireName() + "'.");
        }
        app.vault().remove(id, hidden.getFirst().id());
        return removed(io, id, id.labelPrefix() + " \"" + which.strip() + "\"");
    }

    private int removed(Output io, ProviderId id, String label) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", id.wireName());
            m.put("removed", label);
            io.out().println(JsonPayloads.write(m));
        } else {
            io.out().println("Removed " + label + " from the vault.");
        }
        io.out().flush();
        return ExitCode.ALL;
    }

    /// `#2`, `2`, `gitee#2`, `gitee#2 …9f3a` by ordinal; anything else by name.
    static List<PoolEntry> match(List<PoolEntry> entries, ProviderId id, String which) {
        String number = which;
        if (number.startsWith(id.labelPrefix() + "#")) {
            number = number.substring(id.labelPrefix().length() + 1).split(" ")[0];
        } else if (number.startsWith("#")) {
            number = number.substring(1);
        }
        if (number.matches("\\d{1,6}")) {
            int n = Integer.parseInt(number);
            return entries.stream().filter(e -> e.token().ordinal() == n).toList();
        }
        return entries.stream().filter(e -> which.equals(e.name())).toList();
    }
}
