package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.prompt.FakeChatServer;
import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// Prompt optimisation and translation through the real command line, engine, adapters, ledger, cache and
/// library: Gitee draws (its text model switched off), A4F's chat endpoint rewrites the prompt.
class PromptScenarioTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROMPT = "a red fox in snow";
    private static final String OPTIMISED = "Vivid, detailed: a red fox in snow, soft light";

    @TempDir
    Path home;

    private FakeImagesServer gitee;
    private FakeChatServer chat;
    private CliHarness cli;

    @BeforeEach
    void start() {
        gitee = new FakeImagesServer(Flavor.GITEE);
        chat = new FakeChatServer();
        cli = new CliHarness(home);
        cli.config("""
                routing:
                  provider_order: [gitee, a4f]
                providers:
                  gitee:
                    base_url: %s
                    tokens: []
                    text_model: null
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                  a4f:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                """.formatted(gitee.baseUrl(), chat.baseUrl()));
        cli.env("QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one-0001");
        cli.env("QUOTA_CANVAS_A4F_TOKENS", "a4f-chat-token-0001");
    }

    @AfterEach
    void stop() {
        gitee.close();
        chat.close();
    }

    @Test
    void theOptimisedPromptIsWhatTheImageRequestCarries() {
        var run = cli.run("--prompt", PROMPT, "--json", "--seed", "7");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode json = run.json();
        assertEquals(PROMPT, json.get("prompt_original").asString());
        assertEquals(OPTIMISED, json.get("prompt_final").asString());
        assertNotEquals(json.get("prompt_original"), json.get("prompt_final"));
        assertEquals(List.of(OPTIMISED), sentPrompts());
        JsonNode first = json.get("attempts").get(0);
        assertEquals("optimize", first.get("step").asString());
        assertEquals("a4f", first.get("provider").asString());
        assertEquals("success", first.get("outcome").asString());
        assertEquals("optimize a4f/provider-5/gemini-2.5-flash-lite (a4f#1 …0001): success",
                json.get("fallback_chain").get(0).asString());
        assertEquals("Bearer a4f-chat-token-0001", chat.chats().getFirst().authorization());
    }

    @Test
    void noOptimizePromptLeavesThePromptUntouched() {
        var run = cli.run("--prompt", PROMPT, "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(PROMPT, run.json().get("prompt_final").asString());
        assertEquals(List.of(PROMPT), sentPrompts());
        assertTrue(chat.requests().isEmpty());
    }

    @Test
    void aFailingChatStillYieldsAnImageWithTheOriginalPrompt() {
        chat.defaultReply(FakeChatServer.Reply.SERVER_ERROR);

        var run = cli.run("--prompt", PROMPT, "--json");

        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode json = run.json();
        assertEquals(PROMPT, json.get("prompt_final").asString());
        assertEquals(List.of(PROMPT), sentPrompts());
        assertEquals("optimize a4f/provider-5/gemini-2.5-flash-lite (a4f#1 …0001): provider_error",
                json.get("fallback_chain").get(0).asString());
        assertEquals("optimize a4f/provider-5/gemini-2.5-flash-lite (a4f#1 …0001): provider_error",
                json.get("fallback_chain").get(1).asString(), "its one same-token retry");
        assertEquals("gitee/z-image-turbo (gitee#1 …0001): success", json.get("fallback_chain").get(2).asString());
    }

    @Test
    void aBatchSpendsOneChatCallAndEveryImageShowsIt() {
        var run = cli.run("--prompt", PROMPT, "--json", "--count", "3");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(1, chat.chats().size());
        for (JsonNode image : run.json().get("images")) {
            assertEquals(OPTIMISED, image.get("prompt_final").asString());
            assertEquals("optimize", image.get("attempts").get(0).get("step").asString());
        }
        assertEquals(List.of(OPTIMISED, OPTIMISED, OPTIMISED), sentPrompts());
    }

    @Test
    void theNextRunWithTheSamePromptUsesTheCache() {
        assertEquals(0, cli.run("--prompt", PROMPT, "--quiet").exitCode());

        var again = cli.run("--prompt", PROMPT, "--json");

        assertEquals(1, chat.chats().size());
        assertEquals(OPTIMISED, again.json().get("prompt_final").asString());
        JsonNode cached = again.json().get("attempts").get(0);
        assertEquals("cached", cached.get("message").asString());
        assertEquals(0, cached.get("elapsed_ms").asLong());
    }

    @Test
    void autoTranslateTranslatesAChinesePromptForFluxThenOptimises() {
        chat.answer((system, user) -> system.startsWith("Translate") ? PROMPT : "Vivid, detailed: " + user
                + ", soft light");

        var run = cli.run("--prompt", "雪地里的一只红狐狸", "--model", "flux-1-schnell", "--auto-translate", "--json");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("雪地里的一只红狐狸", run.json().get("prompt_original").asString());
        assertEquals(OPTIMISED, run.json().get("prompt_final").asString());
        assertEquals(List.of(OPTIMISED), sentPrompts());
        assertEquals("translate", run.json().get("attempts").get(0).get("step").asString());
        assertEquals("optimize", run.json().get("attempts").get(1).get("step").asString());
    }

    /// The `prompt` field of every image request Gitee received, in order.
    private List<String> sentPrompts() {
        List<String> prompts = new ArrayList<>();
        for (RecordedRequest r : gitee.generationRequests()) {
            prompts.add(JSON.readTree(r.getBody().utf8()).path("prompt").asString());
        }
        return prompts;
    }
}
