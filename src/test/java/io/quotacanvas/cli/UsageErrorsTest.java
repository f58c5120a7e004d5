package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Bad flags and broken configs end with exit code 2, a message a person can act on (JSON with
/// `--json`), no stack trace, and nothing written.
class UsageErrorsTest {

    @TempDir
    Path home;

    @Test
    void aBlankPromptIsCalledEmptyNotMissing() {
        var run = new CliHarness(home).run("--prompt", "   ", "--json");

        assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
        assertTrue(run.json().get("error").asString().startsWith("--prompt is empty; say what to draw"),
                run.stdout());
    }

    /// A group command without its subcommand names every full command it offers, before or after --json.
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tokens --json|Missing subcommand: use 'tokens list', 'tokens add', 'tokens remove' or 'tokens test'.",
        "gateway --json|Missing subcommand: use 'gateway keys add', 'gateway keys list' or 'gateway keys remove'.",
        "--json gateway keys|Missing subcommand: use 'gateway keys add', 'gateway keys list' or 'gateway keys remove'.",
    })
    void aGroupWithoutItsSubcommandNamesTheCommandsItOffers(String args, String expected) {
        var run = new CliHarness(home).run(args.split(" "));

        assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("usage_error", run.json().get("error_type").asString());
        assertEquals(expected, run.json().get("error").asString());
        assertFalse(Files.exists(home.resolve("state")), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--provider gitea|Unknown --provider 'gitea'",
        "--aspect-ratio 7:3|Unknown --aspect-ratio '7:3'",
        "--count 0|--count must be between 1 and 64",
        "--count many|'many' is not an int",
        "--timeout -5|--timeout must be a number of seconds above 0",
        "--steps 0|--steps must be between 1 and 200",
        "--frobnicate|Unknown option: '--frobnicate'",
    })
    void badFlagsExitTwoWithAJsonError(String flags, String expected) {
        CliHarness cli = new CliHarness(home);
        String[] extra = flags.split(" ");
        String[] args = new String[extra.length + 3];
        args[0] = "--prompt";
        args[1] = "x";
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 1] = "--json";

        var run = cli.run(args);

        assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("usage_error", run.json().get("error_type").asString());
        assertTrue(run.json().get("error").asString().contains(expected), run.stdout());
        assertEquals(0, run.json().get("fallback_chain").size());
        assertFalse(run.stderr().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(home.resolve("state")), "nothing written");
    }

    @Test
    void aMissingPromptIsAUsageErrorInPlainText() {
        var run = new CliHarness(home).run("--count", "2");

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("Missing required option: '--prompt=TEXT'"), run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void aBrokenConfigListsEveryProblemWithItsLineAndChangesNothing() {
        CliHarness cli = new CliHarness(home);
        Path config = cli.config("""
                routing:
                  provider_order: [gitee, gitea]
                  max_parallel: 0
                providers:
                  gitee:
                    base_url: not a url
                """);

        var run = cli.run("--prompt", "x", "--config", config.toString(), "--json");

        assertEquals(2, run.exitCode(), run.stdout() + run.stderr());
        assertEquals("config_error", run.json().get("error_type").asString());
        var problems = run.json().get("problems");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).asString().startsWith(config + ":2:"), problems.toString());
        assertTrue(problems.toString().contains(config + ":3:"), problems.toString());
        assertTrue(problems.toString().contains(config + ":6:"), problems.toString());
        assertFalse(Files.exists(home.resolve("state")), "no ledger created");
        assertFalse(Files.exists(home.resolve("library")), "no library created");
    }

    @Test
    void aMissingConfigFileIsReportedPlainly() {
        var run = new CliHarness(home).run("--prompt", "x", "--config", home.resolve("nope.yaml").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("nope.yaml"), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
    }
}
