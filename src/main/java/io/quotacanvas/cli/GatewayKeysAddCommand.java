package io.quotacanvas.cli;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.token.vault.ApiKeyEntry;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/// `quota-canvas gateway keys add [--label L] [--stdin]`: makes a random key and prints it once (or takes one
/// from standard input, never from the command line); only its salted hash is kept.
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Makes a new random API key for the gateway and prints it once; only its hash is kept. "
                + "With --stdin, stores the key read from standard input instead.")
final class GatewayKeysAddCommand extends AppCommand {
    private static final int MAX_INPUT = 4096;

    @Option(names = "--label", paramLabel = "NAME", description = "A name for the key (e.g. the app using it).")
    String label;

    @Option(names = "--stdin", description = "Read the key from standard input instead of making one.")
    boolean stdin;

    GatewayKeysAddCommand(CliContext context) {
        super(context);
    }

    @Override
    int execute(QuotaCanvas app, Output io, GenerateCommand.Reporter reporter) {
        ApiKeyVault vault = new ApiKeyVault(app.dirs().configDir(), context.clock());
        String key = null;
        ApiKeyEntry entry;
        if (stdin) {
            try {
                entry = vault.add(read(), label);
            } catch (IOException | IllegalArgumentException e) {
                return reporter.usageError("Could not take the key from standard input: " + e.getMessage() + ".");
            }
        } else {
            ApiKeyVault.Generated made = vault.generate(label);
            entry = made.entry();
            key = made.key();
        }
        if (json) {
            Map<String, Object> m = GatewayKeysListCommand.entryJson(entry);
            if (key != null) {
                m.put("key", key);
            }
            m.put("file", vault.path().toString());
            io.out().println(JsonPayloads.write(m));
        } else if (key != null) {
            io.out().println(key);
            io.err().println("Added gateway key " + entry.id() + (entry.label() == null ? "" : " \"" + entry.label()
                    + "\"") + ". This is the only time it is shown: give it to the app now (API key field, or "
                    + "Authorization: Bearer KEY). Only its hash is kept in " + vault.path() + ".");
        } else {
            io.out().println("Added gateway key " + entry.id() + " (" + entry.hint() + ").");
        }
        io.out().flush();
        io.err().flush();
        return ExitCode.ALL;
    }

    private String read() throws IOException {
        byte[] bytes = context.stdin().readNBytes(MAX_INPUT + 1);
        if (bytes.length > MAX_INPUT) {
            throw new IOException("more than " + MAX_INPUT + " bytes; that is not one key");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new IOException("it was empty; pipe the key in, e.g. quota-canvas gateway keys add --stdin < key.txt");
        }
        return text;
    }
}
