package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// `quota-canvas tokens …` through the real command line, vault, ledger and engine.
class TokensCommandTest {
    static final String CANARY = "canary-vault-token-5e1d7f3a";

    @TempDir
    Path home;
    FakeImagesServer gitee;
    CliHarness cli;
    final List<CliHarness.Run> runs = new ArrayList<>();

    @BeforeEach
    void start() {
        gitee = new FakeImagesServer(Flavor.GITEE);
        cli = new CliHarness(home).env("QUOTA_CANVAS_VAULT", "file");
        cli.config("""
                routing:
                  provider_order: [gitee]
                providers:
                  gitee:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                """.formatted(gitee.baseUrl()));
    }

    @AfterEach
    void stop() {
        gitee.close();
    }

    CliHarness.Run run(String... args) {
        return keep(cli.run(args));
    }

    CliHarness.Run add(String stdin, String... args) {
        return keep(cli.runWithInput(stdin, args));
    }

    private CliHarness.Run keep(CliHarness.Run r) {
        runs.add(r);
        return r;
    }

    @Test
    void aTokenAddedFromStdinIsListedUsedByGenerationAndRemoved() throws Exception {
        var added = add(CANARY + "\n\n" + CANARY + ",\n", "tokens", "add", "--provider", "gitee", "--label", "desk");
        assertEquals(0, added.exitCode(), added.stderr());
        assertEquals("Added 1 gitee token: gitee#1 …7f3a \"desk\" (1 duplicate dropped).\n", added.stdout());

        JsonNode row = run("tokens", "list", "--provider", "gitee", "--json").json().get("providers").get(0)
                .get("tokens").get(0);
        assertEquals("gitee#1 …7f3a", row.get("label").asString());
        assertEquals("desk", row.get("name").asString());
        assertEquals("…7f3a", row.get("masked").asString());
        assertEquals("vault", row.get("source").asString());
        assertTrue(row.get("editable").asBoolean());
        assertEquals("ready", row.get("state").asString());

        var generated = run("--prompt", "a fox", "--json", "--no-optimize-prompt");
        assertEquals(0, generated.exitCode(), generated.stderr());
        assertEquals(1, gitee.requestsWithToken(CANARY));
        assertEquals("gitee/z-image-turbo (gitee#1 …7f3a): success",
                generated.json().get("fallback_chain").get(0).asString());

        JsonNode used = run("tokens", "list", "--json").json().get("providers").get(0).get("tokens").get(0);
        assertEquals(1, used.get("images_today").asInt());
        assertFalse(used.get("last_used").isNull());

        assertCanaryOnlyInTheVault();
        assertTrue(Files.readString(home.resolve("tokens.json")).contains(CANARY), "the vault holds the token");

        var removed = run("tokens", "remove", "--provider", "gitee", "desk");
        assertEquals(0, removed.exitCode(), removed.stderr());
        assertEquals("Removed gitee#1 …7f3a from the vault.\n", removed.stdout());
        assertEquals(0, run("tokens", "list", "--provider", "gitee", "--json").json().get("providers").get(0)
                .get("tokens").size());
        assertCanaryOnlyInTheVault();
        assertFalse(Files.readString(home.resolve("tokens.json")).contains(CANARY), "removed from the vault");
    }

    @Test
    void configAndEnvironmentTokensAreReadOnlyHere() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-env-token-0002");
        cli.config("""
                providers:
                  gitee:
                    base_url: %s
                    tokens: [gitee-config-token-0001]
                """.formatted(gitee.baseUrl()));

        var config = run("tokens", "remove", "--provider", "gitee", "#1");
        var env = run("tokens", "remove", "--provider", "gitee", "gitee#2", "--json");
        var unknown = run("tokens", "remove", "--provider", "gitee", "nope");

        assertEquals(1, config.exitCode());
        assertEquals("gitee#1 …0001 comes from the config file; edit it there.\n", config.stderr());
        assertEquals(1, env.exitCode());
        assertEquals("read_only_token", env.json().get("error_type").asString());
        assertEquals("gitee#2 …0002 comes from the environment variable QUOTA_CANVAS_GITEE_TOKENS; change it there.",
                env.json().get("error").asString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().startsWith("No gitee token matches 'nope'"), unknown.stderr());
    }

    /// Regression: an OpenAI-compatible token without a base URL showed as "1 ready" and enabled, though
    /// a run refuses that provider until a base URL is set.
    @Test
    void aProviderThatCantBeCalledAsConfiguredIsNotShownUsable() {
        var status = new CliHarness(home).env("QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS", "oai-token-1234567890")
                .run("status", "--provider", "openai_compatible", "--json");
        var text = new CliHarness(home).env("QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS", "oai-token-1234567890")
                .run("status", "--provider", "openai_compatible");

        var provider = status.json().get("providers").get(0);
        assertFalse(provider.get("enabled").asBoolean(), status.stdout());
        assertTrue(provider.get("setup_problem").asString().contains("base URL"), status.stdout());
        assertTrue(text.stdout().startsWith("openai_compatible (not usable: no base URL"), text.stdout());
    }

    @Test
    void badUsageExitsTwoAndNothingToAddExitsOne() {
        var noProvider = add("tok-1234567890", "tokens", "add");
        var badProvider = add("tok-1234567890", "tokens", "add", "--provider", "gitea", "--json");
        var nothing = add(" \n,\n", "tokens", "add", "--provider", "gitee");
        var bare = run("tokens");
        var unsendable = add("good-token-1234567890\nt\u00f6k\u00e9n-0006-abcdef\n", "tokens", "add", "--provider",
                "gitee", "--json");

        assertEquals(2, noProvider.exitCode());
        assertTrue(noProvider.stderr().contains("Missing required option: '--provider=NAME'"), noProvider.stderr());
        assertEquals(2, badProvider.exitCode());
        assertEquals("usage_error", badProvider.json().get("error_type").asString());
        assertEquals(1, nothing.exitCode());
        assertTrue(nothing.stderr().startsWith("No token added"), nothing.stderr());
        assertEquals(2, bare.exitCode());
        assertEquals(2, unsendable.exitCode());
        assertTrue(unsendable.json().get("error").asString().startsWith("Token 2 of the input holds a character"),
                unsendable.stdout());
        assertFalse(run("tokens", "list", "--provider", "gitee").stdout().contains("…7890"),
                "the good token before it was not added either");
        assertFalse((noProvider.stderr() + bare.stderr()).contains("\tat "), "no stack trace");
    }

    @Test
    void statusJsonHasAStableShapeAndShowsACooledToken() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one-0001,gitee-token-two-0002");
        gitee.script("gitee-token-one-0001", Reply.QUOTA);
        assertEquals(0, run("--prompt", "lanterns", "--no-optimize-prompt", "--quiet").exitCode());

        var status = run("status", "--json", "--provider", "gitee");

        assertEquals(0, status.exitCode(), status.stderr());
        JsonNode json = status.json();
        assertEquals(List.of("at", "providers", "ledger"), fields(json));
        assertEquals("SQLite " + home.resolve("state").resolve("ledger.db").toAbsolutePath(),
                json.get("ledger").asString());
        JsonNode p = json.get("providers").get(0);
        assertEquals(List.of("provider", "enabled", "setup_problem", "tokens", "images_today", "next_ready",
                "next_reset", "anonymous", "models"), fields(p));
        assertEquals(List.of("total", "ready", "cooling", "invalid", "disabled"), fields(p.get("tokens")));
        assertEquals(2, p.get("tokens").get("total").asInt());
        assertEquals(1, p.get("tokens").get("cooling").asInt());
        assertEquals(1, p.get("images_today").asInt());
        assertEquals("2026-11-24T16:00:00Z", p.get("next_ready").asString());
        assertEquals("2026-11-24T16:00:00Z", p.get("next_reset").asString());
        JsonNode model = p.get("models").get(0);
        assertEquals(List.of("model", "provider_model", "ready", "cooling", "invalid", "disabled", "known_remaining",
                "anonymous_ready", "unavailable_until"), fields(model));
        assertEquals("z-image-turbo", model.get("model").asString());
        assertEquals(1, model.get("ready").asInt());
        JsonNode cooling = model.get("cooling").get(0);
        assertEquals("gitee#1 …0001", cooling.get("token").asString());
        assertEquals("quota_exhausted", cooling.get("reason").asString());

        var text = run("status", "--provider", "gitee");
        assertTrue(text.stdout().startsWith("gitee: 2 tokens, 1 ready; 1 image today"), text.stdout());
        assertTrue(text.stdout().contains("z-image-turbo: 1 ready, 1 cooling (gitee#1 …0001 until "), text.stdout());
        assertTrue(text.stdout().endsWith("\nledger: SQLite " + home.resolve("state").resolve("ledger.db")
                .toAbsolutePath() + "\n"), text.stdout());

        cli.clock.set(java.time.Instant.parse("2026-11-24T16:00:01Z"));
        JsonNode later = run("status", "--json", "--provider", "gitee").json().get("providers").get(0);
        assertEquals(2, later.get("tokens").get("ready").asInt(), "the cooled token is ready after its instant");
    }

    @Test
    void testingTokensMarksARejectedOneInvalidAndAPassingTestBringsItBack() throws Exception {
        try (MockWebServer oai = new MockWebServer()) {
            oai.start();
            cli.config("""
                    providers:
                      openai_compatible:
                        base_url: %s
                        timeouts: {connect: 2s, read: 2s, overall: 3s}
                    """.formatted(oai.url("/v1")));
            add(CANARY, "tokens", "add", "--provider", "openai_compatible");
            oai.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"Incorrect API key provided: " + CANARY + "\"}}").build());
            oai.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"data\":[]}").build());

            var failed = run("tokens", "test", "--provider", "openai_compatible", "--json");
            String stateAfterFailure = run("tokens", "list", "--json", "--provider", "openai_compatible").json()
                    .get("providers").get(0).get("tokens").get(0).get("state").asString();
            var passed = run("tokens", "test", "--provider", "openai_compatible");

            assertEquals(1, failed.exitCode(), failed.stdout() + failed.stderr());
            JsonNode result = failed.json().get("results").get(0);
            assertEquals("invalid", result.get("result").asString());
            assertEquals(401, result.get("http_status").asInt());
            assertEquals("invalid", stateAfterFailure);
            assertEquals(0, passed.exitCode(), passed.stdout() + passed.stderr());
            assertTrue(passed.stdout().startsWith("oai#1 …7f3a  ok  token accepted"), passed.stdout());
            assertEquals("ready", run("tokens", "list", "--json", "--provider", "openai_compatible").json().get("providers").get(0).get("tokens").get(0)
                    .get("state").asString());
            assertCanaryOnlyInTheVault();
        }
    }

    @Test
    void aVaultFileOtherUsersCanReadStopsEveryCommandWithTheFix() throws Exception {
        add(CANARY, "tokens", "add", "--provider", "gitee");
        Path vault = home.resolve("tokens.json");
        Files.setPosixFilePermissions(vault, PosixFilePermissions.fromString("rw-r--r--"));

        var generate = run("--prompt", "x", "--json", "--no-optimize-prompt");
        var list = run("tokens", "list");

        String expected = vault + " is readable by other users; run chmod 600 " + vault + " and try again";
        assertEquals(1, generate.exitCode());
        assertEquals("storage_error", generate.json().get("error_type").asString());
        assertEquals(expected, generate.json().get("error").asString());
        assertEquals(1, list.exitCode());
        assertEquals(expected + "\n", list.stderr());
        assertEquals(0, gitee.generationRequests().size());
    }

    @Test
    void aPromptNamedLikeASubcommandIsStillAPrompt() {
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one-0001");

        var run = run("--prompt", "status", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("status", run.json().get("prompt_original").asString());
    }

    private void assertCanaryOnlyInTheVault() throws Exception {
        for (CliHarness.Run r : runs) {
            assertFalse(r.stdout().contains(CANARY), "stdout leaked the token: " + r.stdout());
            assertFalse(r.stderr().contains(CANARY), "stderr leaked the token: " + r.stderr());
        }
        Path vault = home.resolve("tokens.json");
        for (Path f : cli.allFiles()) {
            if (f.equals(vault)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(f);
            assertFalse(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(CANARY),
                    "token found in " + f);
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
