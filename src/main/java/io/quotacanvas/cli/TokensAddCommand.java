package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.token.PoolEntry;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.VaultEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `quota-canvas tokens add --provider P [--label L]`: adds tokens read from stdin (newline- or
/// comma-separated), never from the command line, so they don't land in shell history.
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Adds tokens read from standard input (one per line or comma-separated) to the vault; "
                + "blanks and duplicates are dropped.")
final class TokensAddCommand extends AppCommand {
    private static final int MAX_INPUT = 1 << 20;

    @Option(names = "--provider", required = true, paramLabel = "NAME", description = "The tokens' provider.")
    String provider;

    @Option(names = "--label", paramLabel = "NAME", description = "A name for the token (several get NAME 1, NAME 2…).")
    String label;

    TokensAddCommand(CliContext context) {
        super(context);
    }

    @Override
    String validate() {
        return checkProvider(provider);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ProviderId id = providerOrNull(provider);
        if (!json && System.console() != null && System.console().isTerminal() && context.stdin() == System.in) {
            io.err().println("Paste " + id.wireName() + " tokens (one per line or comma-separated), then Ctrl-D:");
            io.err().flush();
        }
        List<String> values;
        try {
            values = TokenVault.split(read(context.stdin()));
        } catch (IOException e) {
            return reporter.usageError("Could not read tokens from standard input: " + e.getMessage());
        }
        for (int i = 0; i < values.size(); i++) {
            if (!new Secret(values.get(i)).sendable()) {
                return reporter.usageError("Token " + (i + 1) + " of the input holds a character an HTTP header can't"
                        + " carry (a space, a non-ASCII letter or a typographic quote from copying it); nothing was"
                        + " added. Copy it again from the provider's page.");
            }
        }
        List<String> fresh = notConfigured(app, id, values);
        TokenVault.AddResult result = app.vault().add(id, fresh, label);
        int dropped = values.size() - result.added().size();
        List<String> labels = labels(app, id, result.added());
        if (result.added().isEmpty()) {
            return reporter.fail(ExitCode.NONE, ErrorType.NOTHING_TO_DO, "No token added: standard input held "
                    + (values.isEmpty() ? "no token" : "only tokens already known") + ".", Map.of(),
                    "No token added: standard input held " + (values.isEmpty() ? "no token" : "only tokens already known")
                            + ". Pipe them in, e.g. quota-canvas tokens add --provider " + id.wireName() + " < file");
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("provider", id.wireName());
            m.put("added", labels);
            m.put("dropped", dropped);
            m.put("vault", app.vault().protection());
            io.out().println(JsonPayloads.write(m));
        } else {
            io.out().println("Added " + labels.size() + " " + id.wireName() + " token" + (labels.size() == 1 ? "" : "s")
                    + ": " + String.join(", ", labels) + (dropped == 0 ? "" : " (" + dropped + " duplicate"
                    + (dropped == 1 ? "" : "s") + " dropped)") + ".");
        }
        io.out().flush();
        return ExitCode.ALL;
    }

    /// The values not already among the provider's config or environment tokens.
    private static List<String> notConfigured(QuotaCanvas app, ProviderId id, List<String> values) {
        List<Secret> known = app.tokenPool().entries(id).stream().map(e -> e.token().secret()).toList();
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!known.contains(new Secret(v))) {
                out.add(v);
            }
        }
        return out;
    }

    /// Masked pool labels of the added entries (`gitee#3 …9f3a "work"`).
    private static List<String> labels(QuotaCanvas app, ProviderId id, List<VaultEntry> added) {
        List<String> labels = new ArrayList<>();
        List<PoolEntry> pool = app.tokenPool().entries(id);
        for (VaultEntry e : added) {
            String label = pool.stream().filter(p -> e.id().equals(p.vaultId())).map(p -> p.token().label())
                    .findFirst().orElse(id.labelPrefix() + " " + (e.secret() == null ? "…" : e.secret().masked()));
            labels.add(label + (e.label() == null ? "" : " \"" + e.label() + "\""));
        }
        return labels;
    }

    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw new IOException("more than 1 MiB of input; that is not a list of tokens");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
