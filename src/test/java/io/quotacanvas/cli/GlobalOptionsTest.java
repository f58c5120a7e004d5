package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// The options every command takes work before or after the subcommand, and a failure reads the same
/// whichever command met it: one exception → exit code and payload mapping for all.
class GlobalOptionsTest {
    @TempDir
    Path home;

    private static final String GITEE_OFF = """
            providers:
              gitee:
                enabled: false
            """;

    private static JsonNode gitee(JsonNode status) {
        for (JsonNode p : status.get("providers")) {
            if (p.get("provider").asString().equals("gitee")) {
                return p;
            }
        }
        throw new AssertionError("no gitee in " + status);
    }

    @Test
    void configAndJsonWorkBeforeTheSubcommand() throws Exception {
        // regression: `quota-canvas --config F status` silently ignored F
        CliHarness cli = new CliHarness(home);
        Path config = Files.writeString(home.resolve("elsewhere.yaml"), GITEE_OFF);

        CliHarness.Run before = cli.run("--config", config.toString(), "--json", "status");
        CliHarness.Run after = cli.run("status", "--config", config.toString(), "--json");

        assertEquals(0, before.exitCode(), before.stderr());
        assertFalse(gitee(before.json()).get("enabled").asBoolean(), before.stdout());
        assertEquals(before.json().get("providers"), after.json().get("providers"));
    }

    @Test
    void globalOptionsReachNestedSubcommands() {
        CliHarness cli = new CliHarness(home);

        CliHarness.Run run = cli.run("--json", "tokens", "list", "--provider", "gitee");

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.json().isObject() || run.json().isArray(), run.stdout());
    }

    @Test
    void theSameStorageFailureIsAStorageErrorUnderEveryCommand() throws Exception {
        CliHarness cli = new CliHarness(home).env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one");
        Path state = Files.createDirectories(home.resolve("state"));
        Files.writeString(state.resolve("ledger.db"), "this is not an SQLite database, it was overwritten");

        CliHarness.Run generate = cli.run("--prompt", "a fox", "--json", "--no-optimize-prompt");
        CliHarness.Run status = cli.run("status", "--json");
        CliHarness.Run tokens = cli.run("--json", "tokens", "list");

        for (CliHarness.Run run : new CliHarness.Run[] {generate, status, tokens}) {
            assertEquals(1, run.exitCode(), run.stdout() + run.stderr());
            assertEquals("storage_error", run.json().get("error_type").asString(), run.stdout());
            assertTrue(run.json().get("error").asString().contains("ledger.db"), run.stdout());
            assertFalse(run.stdout().contains("Exception"), run.stdout());
        }
    }

    @Test
    void aBrokenConfigIsTheSameConfigErrorBeforeOrAfterTheSubcommand() throws Exception {
        CliHarness cli = new CliHarness(home);
        Path broken = Files.writeString(home.resolve("broken.yaml"), "routing:\n  max_parallel: lots\n");

        CliHarness.Run before = cli.run("--json", "--config", broken.toString(), "status");
        CliHarness.Run after = cli.run("status", "--json", "--config", broken.toString());
        CliHarness.Run generate = cli.run("--prompt", "x", "--json", "--config", broken.toString());

        for (CliHarness.Run run : new CliHarness.Run[] {before, after, generate}) {
            assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
            assertEquals("config_error", run.json().get("error_type").asString());
            assertTrue(run.json().get("problems").get(0).asString().contains("routing.max_parallel"), run.stdout());
        }
    }
}
