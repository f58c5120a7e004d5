package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/// Secrets in the freedesktop Secret Service (GNOME Keyring, KWallet…) through libsecret's `secret-tool`.
///
/// Each secret is stored under the attributes `application=quota-canvas` and `entry=<vault entry id>`; the
/// value always travels on the tool's stdin (`secret-tool store` reads it from there), never on its command
/// line, so it can't show in `ps` or shell history. Values read are cached per entry id (ids are never
/// reused). Thread-safe.
final class SecretToolStore implements SecretStore {
    static final String TOOL = "secret-tool";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final CommandRunner runner;
    private final Map<String, Secret> cache = new ConcurrentHashMap<>();

    SecretToolStore(CommandRunner runner) {
        this.runner = runner;
    }

    /// Why `secret-tool` can't be used here, or empty when it works: it must start and answer a harmless
    /// lookup with "found" (exit 0) or "not found" (exit 1, nothing on stderr). A headless box without a
    /// D-Bus session fails the lookup with a message on stderr.
    static Optional<String> unusableReason(CommandRunner runner) {
        try {
            CommandRunner.Result r = runner.run(List.of(TOOL, "lookup", "application", "quota-canvas", "entry",
                    "availability-probe"), null, PROBE_TIMEOUT);
            if (r.exitCode() == 0 || (r.exitCode() == 1 && r.stderr().isBlank())) {
                return Optional.empty();
            }
            return Optional.of(TOOL + " failed (" + firstLine(r.stderr(), r.exitCode()) + ")");
        } catch (IOException e) {
            // the JDK's text ("Cannot run program … error=2") says nothing a person can use
            return Optional.of(TOOL + " is not installed (install libsecret-tools to use the system keyring)");
        }
    }

    @Override
    public String name() {
        return TOOL;
    }

    @Override
    public String put(String id, ProviderId provider, Secret secret) {
        List<String> cmd = new ArrayList<>(List.of(TOOL, "store",
                "--label=Quota Canvas " + provider.wireName() + " token " + secret.masked()));
        cmd.addAll(attributes(id));
        CommandRunner.Result r = run(cmd, secret.reveal(), "store a token in");
        if (r.exitCode() != 0) {
            throw new VaultException("the system keyring refused to store the token (" + TOOL + " "
                    + firstLine(r.stderr(), r.exitCode()) + "); nothing was added");
        }
        cache.put(id, secret);
        return null;
    }

    @Override
    public Secret get(String id, String inFile) {
        Secret known = cache.get(id);
        if (known != null) {
            return known;
        }
        List<String> cmd = new ArrayList<>(List.of(TOOL, "lookup"));
        cmd.addAll(attributes(id));
        CommandRunner.Result r = run(cmd, null, "read a token from");
        if (r.exitCode() != 0 || r.stdout().isBlank()) {
            throw new VaultException("the system keyring has no value for vault entry " + id
                    + (r.stderr().isBlank() ? "" : " (" + firstLine(r.stderr(), r.exitCode()) + ")")
                    + "; remove the entry and add the token again");
        }
        Secret secret = new Secret(r.stdout());
        cache.put(id, secret);
        return secret;
    }

    @Override
    public void delete(String id) {
        cache.remove(id);
        List<String> cmd = new ArrayList<>(List.of(TOOL, "clear"));
        cmd.addAll(attributes(id));
        run(cmd, null, "remove a token from");
    }

    private CommandRunner.Result run(List<String> cmd, String stdin, String action) {
        try {
            return runner.run(cmd, stdin, TIMEOUT);
        } catch (IOException e) {
            throw new VaultException("could not " + action + " the system keyring: " + e.getMessage(), e);
        }
    }

    private static List<String> attributes(String id) {
        return List.of("application", "quota-canvas", "entry", id);
    }

    private static String firstLine(String text, int exitCode) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "exit code " + exitCode : line;
    }
}
