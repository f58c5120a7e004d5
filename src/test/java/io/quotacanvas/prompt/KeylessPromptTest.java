package io.quotacanvas.prompt;

import static io.quotacanvas.prompt.PromptFixture.chain;
import static io.quotacanvas.prompt.PromptFixture.optimise;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.PromptPreparer.PreparedPrompt;
import io.quotacanvas.prompt.FakeChatServer.Reply;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Prompt work with no token, as the seed does it: when no provider of the request has a text model with a
/// ready token, the keyless public endpoint (`prompt.keyless`) does the step, posted to without a token,
/// with the same fail-open rules, cache and attempt records as any text call.
class KeylessPromptTest {
    private static final String PROMPT = "a red fox in snow";
    private static final String OPTIMISED = "Vivid, detailed: a red fox in snow, soft light";

    @TempDir
    Path dir;
    private FakeChatServer gitee;
    private FakeChatServer keyless;
    private PromptFixture fx;

    @BeforeEach
    void start() {
        gitee = new FakeChatServer();
        keyless = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        gitee.close();
        keyless.close();
    }

    private PromptFixture fixture(String tokens, boolean keylessOn) {
        fx = new PromptFixture(dir).provider("gitee", gitee, tokens).yaml("""
                prompt:
                  keyless: {enabled: %s, url: %s, model: openai-fast}
                """.formatted(keylessOn, keyless.keylessUrl()));
        return fx;
    }

    @Test
    void withNoReadyTokenTheKeylessEndpointOptimisesWithoutAToken() {
        fixture("gitee-chat-one-0001", true);
        fx.ledger.cool(fx.token(ProviderId.GITEE, 1), null, Instant.parse("2026-11-25T16:00:00Z"),
                FailureClass.QUOTA_EXHAUSTED, "spent", PromptFixture.START);

        PreparedPrompt prepared = fx.prepare(optimise(PROMPT));

        assertEquals(OPTIMISED, prepared.text());
        assertTrue(gitee.requests().isEmpty());
        FakeChatServer.Chat chat = keyless.chats().getFirst();
        assertEquals(1, keyless.chats().size());
        assertEquals("/openai", chat.path());
        assertNull(chat.authorization(), "a token never goes to the keyless endpoint");
        assertEquals("openai-fast", chat.model());
        assertEquals(List.of("optimize gitee/DeepSeek-V3.2 (gitee#1 …0001): skipped (cooling (quota_exhausted))",
                "optimize keyless/openai-fast: success"), chain(prepared));
    }

    @Test
    void aReadyTokenKeepsThePromptWithTheProviders() {
        fixture("gitee-chat-one-0001", true);

        PreparedPrompt prepared = fx.prepare(optimise(PROMPT));

        assertEquals(OPTIMISED, prepared.text());
        assertEquals(1, gitee.chats().size());
        assertTrue(keyless.requests().isEmpty(), "a provider of the request has a ready token");
    }

    @Test
    void turnedOffNoPromptLeavesForTheThirdParty() {
        fixture("gitee-chat-one-0001", false);
        fx.ledger.invalidate(fx.token(ProviderId.GITEE, 1), "bad", PromptFixture.START);

        PreparedPrompt prepared = fx.prepare(optimise(PROMPT));

        assertEquals(PROMPT, prepared.text());
        assertTrue(keyless.requests().isEmpty());
    }

    @Test
    void aFailingKeylessEndpointFailsOpenAndAnAnswerIsCached() {
        fixture("gitee-chat-one-0001", true);
        fx.ledger.invalidate(fx.token(ProviderId.GITEE, 1), "bad", PromptFixture.START);
        keyless.scriptKeyless(Reply.SERVER_ERROR, Reply.SERVER_ERROR);

        PreparedPrompt failed = fx.prepare(optimise(PROMPT));
        PreparedPrompt later = fx.prepare(optimise("a blue whale"));

        assertEquals(PROMPT, failed.text(), "fail-open: the prompt as written");
        assertEquals(List.of("optimize gitee/DeepSeek-V3.2 (gitee#1 …0001): skipped (invalid: bad)",
                "optimize keyless/openai-fast: provider_error", "optimize keyless/openai-fast: provider_error"),
                chain(failed));
        // the endpoint rests after failing twice, as any provider's text model would
        assertEquals("a blue whale", later.text());
        assertEquals(2, keyless.chats().size());
    }

    @Test
    void aKeylessAnswerIsCachedLikeAnyOther() {
        fixture("gitee-chat-one-0001", true);
        fx.ledger.invalidate(fx.token(ProviderId.GITEE, 1), "bad", PromptFixture.START);

        fx.prepare(optimise(PROMPT));
        PreparedPrompt again = fx.prepare(optimise(PROMPT));

        assertEquals(OPTIMISED, again.text());
        assertEquals(1, keyless.chats().size());
        assertTrue(chain(again).getLast().endsWith("keyless/openai-fast: success"), chain(again).toString());
        assertEquals("cached", again.attempts().getLast().message());
    }
}
