package io.quotacanvas.cli;

import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.contract.TokenPayloads;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.token.QuotaStatus.ProviderStatus;
import io.quotacanvas.token.QuotaStatus.TokenStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `quota-canvas tokens list [--provider P] [--json]`: every token with its source and state, masked.
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists tokens: label, masked value, source, state, last used, images today, remaining.")
final class TokensListCommand extends AppCommand {

    @Option(names = "--provider", paramLabel = "NAME", description = "Only this provider.")
    String provider;

    TokensListCommand(CliContext context) {
        super(context);
    }

    @Override
    String validate() {
        return checkProvider(provider);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ProviderId only = providerOrNull(provider);
        List<ProviderStatus> shown = app.quotaStatus().report().providers().stream()
                .filter(p -> only == null ? !p.tokens().isEmpty() || p.anonymous() != null : p.provider() == only)
                .toList();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vault", app.vault().protection());
            m.put("providers", shown.stream().map(TokensListCommand::providerJson).toList());
            io.out().println(JsonPayloads.write(m));
        } else {
            shown.forEach(p -> text(p, io));
            io.err().println("Vault: " + app.vault().protection() + ".");
        }
        io.out().flush();
        io.err().flush();
        return ExitCode.ALL;
    }

    private static Map<String, Object> providerJson(ProviderStatus p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", p.provider().wireName());
        m.put("tokens", p.tokens().stream().map(TokenPayloads::token).toList());
        m.put("anonymous", TokenPayloads.anonymous(p.anonymous()));
        return m;
    }

    private static void text(ProviderStatus p, Output io) {
        ZoneId zone = ZoneId.systemDefault();
        io.out().println(p.provider().wireName() + ":");
        if (p.tokens().isEmpty()) {
            io.out().println("  no tokens");
        }
        for (TokenStatus t : p.tokens()) {
            List<String> cols = new ArrayList<>();
            cols.add(t.entry().token().label() + (t.entry().name() == null ? "" : " \"" + t.entry().name() + "\""));
            cols.add(t.entry().token().source());
            cols.add(t.entry().enabled() ? TokenPayloads.describe(t.state(), zone) : "disabled");
            cols.add("last used " + TokenPayloads.local(t.lastUsed(), zone));
            cols.add(t.imagesToday() + " today");
            t.modelStates().forEach((model, s) -> cols.add(model + " " + TokenPayloads.describe(s, zone)));
            t.remaining().forEach((model, q) -> cols.add(model + " remaining " + remaining(q)));
            io.out().println("  " + String.join("  |  ", cols));
        }
        if (p.anonymous() != null) {
            io.out().println("  " + p.provider().labelPrefix() + " anonymous  |  " + (p.anonymous().allowed()
                    ? TokenPayloads.describe(p.anonymous().state(), zone) : "off (public_fallback: false)"));
        }
    }

    private static String remaining(io.quotacanvas.core.QuotaSnapshot q) {
        return (q.modelRemaining() == null ? "?" : q.modelRemaining()) + " model / "
                + (q.requestsRemaining() == null ? "?" : q.requestsRemaining()) + " account";
    }
}
