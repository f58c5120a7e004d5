package io.quotacanvas.prompt;

import static io.quotacanvas.prompt.PromptFixture.chain;
import static io.quotacanvas.prompt.PromptFixture.optimise;
import static io.quotacanvas.prompt.PromptFixture.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.PromptPreparer.PreparedPrompt;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.TestConfigs;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Optimisation and translation through the providers' chat endpoints, the choice of text model, and the
/// cache — on loopback servers speaking OpenAI chat completions.
class ProviderPromptPreparerTest {
    private static final String OPTIMISED = "Vivid, detailed: a red fox in snow, soft light";

    @TempDir
    Path dir;

    private final FakeChatServer gitee = new FakeChatServer();
    private final FakeChatServer a4f = new FakeChatServer();
    private PromptFixture fx;

    private PromptFixture fixture() {
        fx = new PromptFixture(dir).provider("gitee", gitee, "gitee-chat-one-0001,gitee-chat-two-0002")
                .provider("a4f", a4f, "a4f-chat-one-0001");
        return fx;
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        gitee.close();
        a4f.close();
    }

    @Test
    void optimisationRewritesThePromptThroughTheFirstProvidersTextModelWithItsToken() {
        PreparedPrompt prepared = fixture().prepare(optimise("a red fox in snow"));

        assertEquals(OPTIMISED, prepared.text(), prepared.attempts().toString());
        List<FakeChatServer.Chat> chats = gitee.chats();
        assertEquals(1, chats.size());
        FakeChatServer.Chat chat = chats.getFirst();
        assertEquals("/v1/chat/completions", chat.path());
        assertEquals("Bearer gitee-chat-one-0001", chat.authorization());
        assertEquals("DeepSeek-V3.2", chat.model());
        assertEquals(fx.config().prompt().optimizeSystemPrompt(), chat.system());
        assertEquals("a red fox in snow", chat.user());
        assertTrue(a4f.chats().isEmpty());
        assertEquals(List.of("optimize gitee/DeepSeek-V3.2 (gitee#1 …0001): success"), chain(prepared));
    }

    @Test
    void everyChatCallIsAnnouncedAsABatchWideAttempt() {
        fixture().prepare(optimise("a red fox in snow"));

        var started = fx.events.stream().filter(e -> e instanceof EngineEvent.AttemptStarted)
                .map(e -> (EngineEvent.AttemptStarted) e).toList();
        var finished = fx.events.stream().filter(e -> e instanceof EngineEvent.AttemptFinished)
                .map(e -> (EngineEvent.AttemptFinished) e).toList();
        assertEquals(List.of(new EngineEvent.AttemptStarted(-1, AttemptStep.OPTIMIZE, ProviderId.GITEE, "DeepSeek-V3.2",
                "gitee#1 …0001")), started);
        assertEquals(1, finished.size());
        assertEquals(-1, finished.getFirst().imageIndex());
        assertEquals("optimize", finished.getFirst().attempt().step().wireName());
    }

    @Test
    void aChineseFluxPromptIsTranslatedToEnglishFirstAndThenOptimised() {
        gitee.answer((system, user) -> system.startsWith("Translate") ? "a red fox in snow" : "Vivid, detailed: "
                + user + ", soft light");

        PreparedPrompt prepared = fixture().prepare(request("雪地里的一只红狐狸", "flux-1-schnell", true, true));

        assertEquals(OPTIMISED, prepared.text());
        List<FakeChatServer.Chat> chats = gitee.chats();
        assertEquals(2, chats.size());
        assertEquals(fx.config().prompt().translateSystemPrompt(), chats.get(0).system());
        assertEquals("雪地里的一只红狐狸", chats.get(0).user());
        assertEquals(fx.config().prompt().optimizeSystemPrompt(), chats.get(1).system());
        assertEquals("a red fox in snow", chats.get(1).user());
        assertEquals(List.of("translate", "optimize"), prepared.attempts().stream().map(a -> a.step().wireName()).toList());
    }

    @Test
    void translationAloneSendsOnlyTheTranslation() {
        gitee.answer((system, user) -> "a red fox in the snow");

        PreparedPrompt prepared = fixture().prepare(request("Лиса в снегу", "flux-2", false, true));

        assertEquals("a red fox in the snow", prepared.text());
        assertEquals(1, gitee.chats().size());
    }

    @Test
    void modelsThatReadChineseNativelyKeepTheChinesePrompt() {
        fixture();

        for (String model : List.of("z-image-turbo", "qwen-image")) {
            PreparedPrompt prepared = fx.prepare(request("雪地里的一只红狐狸", model, false, true));

            assertEquals("雪地里的一只红狐狸", prepared.text());
            assertTrue(prepared.attempts().isEmpty());
        }
        assertTrue(gitee.chats().isEmpty());
    }

    @Test
    void englishPromptsAreNotTranslatedEvenForFlux() {
        PreparedPrompt prepared = fixture().prepare(request("a red fox in snow", "flux-1-schnell", false, true));

        assertEquals("a red fox in snow", prepared.text());
        assertTrue(gitee.chats().isEmpty());
    }

    @Test
    void aProviderModelIdCountsAsItsCanonicalModelForTranslation() {
        gitee.answer((system, user) -> "a castle at dusk");

        PreparedPrompt prepared = fixture().prepare(request("un château dans la brume", "FLUX.2-dev", false, true));

        assertEquals("a castle at dusk", prepared.text());
    }

    @Test
    void optimisationKeepsTheUsersLanguageAsTheSystemPromptAsks() {
        gitee.answer((system, user) -> system.contains("same language") ? user + "，电影感光影" : "wrong");

        PreparedPrompt prepared = fixture().prepare(optimise("雪地里的一只红狐狸"));

        assertEquals("雪地里的一只红狐狸，电影感光影", prepared.text());
    }

    @Test
    void theSystemPromptsComeFromTheConfig() {
        fixture().yaml("prompt:\n  optimize_system_prompt: Make it moody.\n");

        fx.prepare(optimise("a lighthouse"));

        assertEquals("Make it moody.", gitee.chats().getFirst().system());
    }

    @Test
    void aProviderWithoutATextModelIsPassedOverForTheNext() {
        fixture().withoutTextModel("gitee");

        PreparedPrompt prepared = fx.prepare(optimise("a red fox in snow"));

        assertEquals(OPTIMISED, prepared.text());
        assertTrue(gitee.chats().isEmpty());
        assertEquals("provider-5/gemini-2.5-flash-lite", a4f.chats().getFirst().model());
        assertEquals("Bearer a4f-chat-one-0001", a4f.chats().getFirst().authorization());
    }

    @Test
    void aSecondIdenticalRequestIsAnsweredFromTheCacheWithoutAChatCall() {
        fixture().prepare(optimise("a red fox in snow"));

        // a new preparer and cache connection: as another process (or the next CLI run) would see it
        PreparedPrompt again = fx.prepare(optimise("a red fox in snow"));

        assertEquals(OPTIMISED, again.text());
        assertEquals(1, gitee.chats().size());
        AttemptRecord cached = again.attempts().getFirst();
        assertEquals(new AttemptRecord(AttemptStep.OPTIMIZE, ProviderId.GITEE, "DeepSeek-V3.2", null, AttemptOutcome.SUCCESS, 0, "cached", 0,
                null), cached);
    }

    @Test
    void theCacheKeepsStepsTextsAndSystemPromptsApart() {
        gitee.answer((system, user) -> system.startsWith("Translate") ? "a red fox in snow" : "better " + user);
        fixture().prepare(optimise("雪地里的一只红狐狸"));

        fx.prepare(request("雪地里的一只红狐狸", "flux-1-schnell", false, true));
        fx.prepare(optimise("a grey wolf"));

        assertEquals(3, gitee.chats().size());
    }

    @Test
    void aCachedAnswerOfALaterProviderIsUsedWhenTheFirstHasNone() {
        fixture().withoutTextModel("gitee");
        fx.prepare(optimise("a red fox in snow"));
        fx.withoutTextModel();

        PreparedPrompt prepared = fx.prepare(optimise("a red fox in snow"));

        assertEquals(OPTIMISED, prepared.text());
        assertTrue(gitee.chats().isEmpty());
        assertEquals(1, a4f.chats().size());
    }

    @Test
    void aTokenGoesOnlyToItsOwnProvidersHost() {
        gitee.defaultReply(FakeChatServer.Reply.SERVER_ERROR);
        String canary = io.quotacanvas.provider.TestConfigs.CANARY;
        fx = new PromptFixture(dir).provider("gitee", gitee, canary).provider("a4f", a4f, "a4f-chat-one-0001");

        PreparedPrompt prepared = fx.prepare(optimise("a red fox in snow"));

        assertEquals(OPTIMISED, prepared.text());
        assertEquals("Bearer " + canary, gitee.chats().getFirst().authorization());
        a4f.requests().forEach(r -> assertFalse(r.getHeaders().toString().contains(canary)));
        assertFalse(prepared.attempts().toString().contains(canary));
    }

    @Test
    void theAnonymousPseudoTokenNeverChats() {
        fixture();
        RoutePlan plan = huggingFacePlan(List.of(Token.anonymous(ProviderId.HUGGINGFACE)));

        PreparedPrompt prepared = fx.prepare(fx.preparer(), optimise("a red fox in snow"), plan, new CallScope());

        assertEquals("a red fox in snow", prepared.text());
        assertTrue(gitee.requests().isEmpty());
        assertEquals(List.of("optimize huggingface/openai/gpt-oss-120b:fastest: skipped (no ready token for the text"
                + " model)"), chain(prepared));
    }

    @Test
    void huggingFaceChatsUnderV1OfTheRouterRootWithItsRealToken() {
        fixture();
        RoutePlan plan = huggingFacePlan(List.of(PromptFixture.token(ProviderId.HUGGINGFACE, 1, "hf_chat_0001"),
                Token.anonymous(ProviderId.HUGGINGFACE)));

        PreparedPrompt prepared = fx.prepare(fx.preparer(), optimise("a red fox in snow"), plan, new CallScope());

        assertEquals(OPTIMISED, prepared.text());
        FakeChatServer.Chat chat = gitee.chats().getFirst();
        assertEquals("/v1/chat/completions", chat.path());
        assertEquals("Bearer hf_chat_0001", chat.authorization());
        assertEquals("openai/gpt-oss-120b:fastest", chat.model());
    }

    @Test
    void noTextModelAnywhereLeavesThePromptWithoutAttempts() {
        fixture().withoutTextModel("gitee", "a4f");

        PreparedPrompt prepared = fx.prepare(optimise("a red fox in snow"));

        assertEquals("a red fox in snow", prepared.text());
        assertTrue(prepared.attempts().isEmpty());
    }

    @Test
    void aCancelledRequestSendsNoChat() {
        fixture();
        CallScope scope = new CallScope();
        scope.cancel("stopped");

        PreparedPrompt prepared = fx.prepare(fx.preparer(), optimise("a red fox in snow"),
                fx.plan(optimise("a red fox in snow")), scope);

        assertEquals("a red fox in snow", prepared.text());
        assertTrue(gitee.requests().isEmpty());
        assertNull(prepared.attempts().stream().filter(AttemptRecord::succeeded).findFirst().orElse(null));
    }

    /// A plan with one Hugging Face route (router root on the gitee test server) holding `tokens`.
    private RoutePlan huggingFacePlan(List<Token> tokens) {
        ProviderConfig d = TestConfigs.load("{}", Map.of()).provider(ProviderId.HUGGINGFACE);
        ProviderConfig hf = new ProviderConfig(d.id(), true, URI.create(gitee.rootUrl()), d.tokens(), d.models(),
                d.defaultModel(), d.textModel(), d.timeouts(), d.quotaReset(), d.rateLimitCooldown(), d.hdScale(),
                d.options(), true, d.spaces());
        return new RoutePlan(List.of(new RoutePlan.ProviderRoute(ProviderId.HUGGINGFACE, hf,
                List.of(new RoutePlan.ModelCandidate("z-image-turbo", "Tongyi-MAI/Z-Image-Turbo")), tokens)),
                List.of(), true);
    }
}
