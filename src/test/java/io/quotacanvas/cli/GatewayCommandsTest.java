package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `quota-canvas gateway keys …` and the refusals of `quota-canvas serve`, through the real command line.
class GatewayCommandsTest {
    @TempDir
    Path home;
    CliHarness cli;

    @BeforeEach
    void start() {
        cli = new CliHarness(home).env("QUOTA_CANVAS_VAULT", "file");
    }

    @Test
    void addPrintsANewKeyOnceAndKeepsOnlyItsHash() throws Exception {
        CliHarness.Run add = cli.run("gateway", "keys", "add", "--label", "open-webui");

        assertEquals(0, add.exitCode(), add.stderr());
        String key = add.stdout().strip();
        assertTrue(key.startsWith("qc_") && key.length() == 46, key);
        assertTrue(add.stderr().contains("only time it is shown"), add.stderr());
        assertFalse(Files.readString(home.resolve("gateway-keys.json")).contains(key));
        assertTrue(new ApiKeyVault(home, Clock.systemUTC()).match(key).isPresent());

        CliHarness.Run list = cli.run("gateway", "keys", "list", "--json");
        JsonNode entry = list.json().get("keys").get(0);
        assertEquals("open-webui", entry.get("label").asString());
        assertEquals("qc_…" + key.substring(42), entry.get("hint").asString());
        assertFalse(list.stdout().contains(key));
    }

    @Test
    void aKeyFromStandardInputIsStoredAndNeverEchoed() {
        CliHarness.Run add = cli.runWithInput("test-brought-key-000001\n", "gateway", "keys", "add", "--stdin",
                "--json");

        assertEquals(0, add.exitCode(), add.stderr());
        assertFalse(add.stdout().contains("test-brought-key-000001"));
        assertEquals("…0001", add.json().get("hint").asString());
        assertFalse(add.json().has("key"));
    }

    @Test
    void aShortKeyFromStandardInputIsAUsageError() {
        CliHarness.Run add = cli.runWithInput("short\n", "gateway", "keys", "add", "--stdin", "--json");

        assertEquals(ExitCode.USAGE, add.exitCode());
        assertEquals("usage_error", add.json().get("error_type").asString());
    }

    @Test
    void removeRevokesByLabelOrIdAndSaysWhenThereIsNothingToRemove() {
        cli.run("gateway", "keys", "add", "--label", "laptop");
        CliHarness.Run removed = cli.run("gateway", "keys", "remove", "laptop", "--json");
        assertEquals(0, removed.exitCode(), removed.stderr());
        assertEquals("laptop", removed.json().get("removed").get("label").asString());

        CliHarness.Run again = cli.run("gateway", "keys", "remove", "laptop", "--json");
        assertEquals(ExitCode.NONE, again.exitCode());
        assertEquals("nothing_to_do", again.json().get("error_type").asString());
    }

    @Test
    void serveRefusesAPublicAddressWithoutAKey() {
        CliHarness.Run serve = cli.run("serve", "--host", "0.0.0.0", "--port", "0");

        assertEquals(ExitCode.USAGE, serve.exitCode());
        assertTrue(serve.stderr().contains("without an API key"), serve.stderr());
        assertTrue(serve.stderr().contains("gateway keys add"), serve.stderr());
    }

    /// Regression: an address that isn't this machine's was reported as "the port is in use".
    @Test
    void serveSaysWhenTheAddressIsNotThisMachines() {
        cli.env("QUOTA_CANVAS_GATEWAY_KEYS", "team-key-0123456789abcdef");

        CliHarness.Run serve = cli.run("serve", "--host", "192.0.2.1", "--port", "0");

        assertEquals(ExitCode.NONE, serve.exitCode(), serve.stderr());
        assertTrue(serve.stderr().contains("192.0.2.1: it is not an address of this machine"), serve.stderr());
    }

    @Test
    void serveRefusesABadPortAndTheBareGroupCommandsExplainThemselves() {
        assertEquals(ExitCode.USAGE, cli.run("serve", "--port", "70000").exitCode());
        CliHarness.Run bare = cli.run("gateway", "keys");
        assertEquals(ExitCode.USAGE, bare.exitCode());
        assertTrue(bare.stderr().contains("gateway keys add"), bare.stderr());
    }
}
