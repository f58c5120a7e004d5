package io.quotacanvas.token.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Which store the vault picks, and the Secret Service store driven through an injected command runner
/// (no real keyring needed): the secret travels on stdin only, the file keeps only metadata.
class KeyringSelectionTest {
    static final String CANARY = "canary-token-7f3a9c2e5b1d";

    @TempDir
    Path config;

    /// A fake `secret-tool` keeping secrets in a map and recording every command line.
    static final class FakeSecretTool implements CommandRunner {
        final Map<String, String> secrets = new HashMap<>();
        final List<List<String>> commands = new ArrayList<>();

        @Override
        public Result run(List<String> command, String stdin, java.time.Duration timeout) {
            commands.add(command);
            String entry = command.get(command.size() - 1);
            return switch (command.get(1)) {
                case "store" -> {
                    secrets.put(entry, stdin);
                    yield new Result(0, "", "");
                }
                case "lookup" -> secrets.containsKey(entry) ? new Result(0, secrets.get(entry), "")
                        : new Result(1, "", "");
                case "clear" -> {
                    secrets.remove(entry);
                    yield new Result(0, "", "");
                }
                default -> new Result(2, "", "unknown command");
            };
        }
    }

    @Test
    void withoutSecretToolTheFileIsUsed() {
        CommandRunner missing = (cmd, in, t) -> {
            throw new IOException("Cannot run program \"secret-tool\": error=2, No such file or directory");
        };

        TokenVault v = TokenVaults.open(config, Map.of(), "Linux", missing, Clock.systemUTC());
        v.add(ProviderId.GITEE, List.of(CANARY), null);

        assertTrue(v.protection().startsWith("tokens are kept in " + config.resolve("tokens.json")), v.protection());
        assertTrue(v.protection().contains("secret-tool is not installed (install libsecret-tools"), v.protection());
        assertEquals(CANARY, v.entries(ProviderId.GITEE).getFirst().secret().reveal());
    }

    @Test
    void aHeadlessBoxWithoutADbusSessionFallsBackToTheFile() {
        CommandRunner noDbus = (cmd, in, t) -> new CommandRunner.Result(1, "",
                "secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY\n");

        TokenVault v = TokenVaults.open(config, Map.of(), "Linux", noDbus, Clock.systemUTC());

        assertTrue(v.protection().contains("(no system keyring: secret-tool failed (secret-tool: Cannot autolaunch"),
                v.protection());
    }

    @Test
    void macOsAndWindowsUseTheFile() {
        FakeSecretTool tool = new FakeSecretTool();
        TokenVault mac = TokenVaults.open(config, Map.of(), "Mac OS X", tool, Clock.systemUTC());
        TokenVault win = TokenVaults.open(config, Map.of(), "Windows 11", tool, Clock.systemUTC());

        assertTrue(mac.protection().contains("the macOS keychain is not used"), mac.protection());
        assertTrue(win.protection().startsWith("tokens are kept in "), win.protection());
        assertTrue(tool.commands.isEmpty(), "no keyring tool run on those systems");
    }

    @Test
    void aWorkingSecretToolKeepsTheSecretOutOfTheFileAndOffEveryCommandLine() throws Exception {
        FakeSecretTool tool = new FakeSecretTool();
        TokenVault v = TokenVaults.open(config, Map.of(), "Linux", tool, Clock.systemUTC());

        v.add(ProviderId.GITEE, List.of(CANARY), "desk");

        assertTrue(v.protection().startsWith("tokens are kept in the system keyring"), v.protection());
        assertEquals(List.of(CANARY), List.copyOf(tool.secrets.values()));
        assertTrue(tool.commands.stream().flatMap(List::stream).noneMatch(a -> a.contains(CANARY)),
                "never on a command line: " + tool.commands);
        String file = Files.readString(config.resolve("tokens.json"));
        assertFalse(file.contains(CANARY), file);
        assertTrue(file.contains("\"store\" : \"secret-tool\""), file);

        // a second instance (another process) reads the value back from the keyring
        TokenVault other = TokenVaults.open(config, Map.of(), "Linux", tool, Clock.systemUTC());
        VaultEntry entry = other.entries(ProviderId.GITEE).getFirst();
        assertEquals(CANARY, entry.secret().reveal());
        assertEquals("desk", entry.label());

        other.remove(ProviderId.GITEE, entry.id());
        assertTrue(tool.secrets.isEmpty(), "the keyring item is cleared with the entry");
    }

    @Test
    void keyringEntriesShowAsUnavailableWhenTheKeyringIsGoneLater() {
        FakeSecretTool tool = new FakeSecretTool();
        TokenVaults.keyring(config, tool, Clock.systemUTC()).add(ProviderId.GITEE, List.of(CANARY), null);
        tool.secrets.clear();

        VaultEntry entry = TokenVaults.keyring(config, tool, Clock.systemUTC()).entries(ProviderId.GITEE).getFirst();

        assertFalse(entry.available());
        assertTrue(entry.unavailableReason().contains("the system keyring has no value"), entry.unavailableReason());
    }

    @Test
    void askingForTheKeyringWhereThereIsNoneFailsWithTheReason() {
        CommandRunner missing = (cmd, in, t) -> {
            throw new IOException("not installed");
        };

        VaultException e = assertThrows(VaultException.class, () -> TokenVaults.open(config,
                Map.of(TokenVaults.VARIABLE, "keyring"), "Linux", missing, Clock.systemUTC()));

        assertTrue(e.getMessage().startsWith("QUOTA_CANVAS_VAULT=keyring, but no system keyring can be used"),
                e.getMessage());
        assertThrows(VaultException.class, () -> TokenVaults.open(config, Map.of(TokenVaults.VARIABLE, "cloud"),
                "Linux", missing, Clock.systemUTC()));
    }

    @Test
    void fileModeNeverRunsTheKeyringTool() {
        FakeSecretTool tool = new FakeSecretTool();

        TokenVault v = TokenVaults.open(config, Map.of(TokenVaults.VARIABLE, "file"), "Linux", tool,
                Clock.systemUTC());
        v.add(ProviderId.A4F, List.of(CANARY), null);

        assertTrue(tool.commands.isEmpty());
        assertEquals(1, v.entries(ProviderId.A4F).size());
    }
}
