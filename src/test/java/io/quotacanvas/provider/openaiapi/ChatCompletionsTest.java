package io.quotacanvas.provider.openaiapi;


import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Request;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ChatCompletionsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Token TOKEN = TestConfigs.canaryToken(ProviderId.GITEE);

    @StartStop public final MockWebServer api = new MockWebServer();

    private ChatCompletions chat() {
        ProviderConfig config = TestConfigs.provider(ProviderId.GITEE, api.url("/v1/").toString()).build();
        return new ChatCompletions(config, HttpClients.newBase());
    }

    private ChatCompletions.ChatReply ask() {
        ChatCompletions.ChatReply reply = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> chat().complete("You improve prompts.", "fox", TOKEN, Instant.now().plusSeconds(30),
                        new CallScope()));
        assertFalse(reply.toString().contains(CANARY));
        return reply;
    }

    private static MockResponse answer(String content) {
        String body = JSON.createObjectNode().set("choices", JSON.createArrayNode().add(JSON.createObjectNode()
                .set("message", JSON.createObjectNode().put("role", "assistant").put("content", content)))).toString();
        return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void thePureBuilderPostsSystemAndUserMessagesWithoutStreaming() throws Exception {
        ProviderConfig config = TestConfigs.provider(ProviderId.GITEE, "https://gitee.example/v1").build();

        Request request = ChatCompletions.buildRequest(config, "DeepSeek-V3.2", "sys", "user text", TOKEN);

        assertEquals("https://gitee.example/v1/chat/completions", request.url().toString());
        assertEquals("Bearer " + CANARY, request.header("Authorization"));
        Buffer body = new Buffer();
        request.body().writeTo(body);
        assertEquals(JSON.readTree("""
                {"model":"DeepSeek-V3.2","messages":[{"role":"system","content":"sys"},
                 {"role":"user","content":"user text"}],"stream":false}"""), JSON.readTree(body.readUtf8()));
    }

    @Test
    void returnsTheCleanedContentUsingTheConfiguredTextModel() throws Exception {
        api.enqueue(answer("```text\n\"A red fox in fresh snow, golden hour\"\n```"));

        assertEquals(new ChatCompletions.ChatReply.Text("A red fox in fresh snow, golden hour"), ask());

        RecordedRequest request = api.takeRequest();
        assertEquals("/v1/chat/completions", request.getTarget());
        assertEquals("chat-model", JSON.readTree(request.getBody().utf8()).path("model").asString());
    }

    @Test
    void errorsAreClassifiedLikeImageCalls() {
        api.enqueue(new MockResponse.Builder().code(402).body("{\"message\":\"Insufficient balance\"}").build());

        var failed = assertInstanceOf(ChatCompletions.ChatReply.Failed.class, ask());

        assertInstanceOf(Outcome.QuotaExhausted.class, failed.failure());
    }

    @Test
    void anEmptyAnswerIsABadResponse() {
        api.enqueue(answer("   "));

        var failed = assertInstanceOf(ChatCompletions.ChatReply.Failed.class, ask());

        assertInstanceOf(Outcome.BadResponse.class, failed.failure());
    }

    @Test
    void aHangingServerTimesOutAtTheDeadline() {
        api.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        var reply = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> chat().complete("s", "u", TOKEN,
                Instant.now().plusMillis(300), new CallScope()));

        assertInstanceOf(Outcome.Timeout.class, assertInstanceOf(ChatCompletions.ChatReply.Failed.class, reply).failure());
    }

    @Test
    void cleaningStripsThinkingFencesAndQuotes() {
        assertEquals("a fox", ChatCompletions.clean("<think>hmm</think>\n“a fox”"));
        assertEquals("a fox", ChatCompletions.clean("```\na fox\n```"));
        assertEquals("it's a fox", ChatCompletions.clean("  it's a fox  "));
    }

    @Test
    void aNonJsonAnswerIsABadResponse() {
        var failed = assertInstanceOf(ChatCompletions.ChatReply.Failed.class, ChatCompletions.parseReply(200, "<html>"));

        assertTrue(failed.failure().message().contains("not JSON"));
    }

    @Test
    void huggingFaceChatLivesUnderV1OfTheRouterRoot() {
        ProviderConfig root = TestConfigs.provider(ProviderId.HUGGINGFACE, "https://hf-router.example").build();
        ProviderConfig v1 = TestConfigs.provider(ProviderId.HUGGINGFACE, "https://hf-router.example/v1/").build();

        assertEquals("https://hf-router.example/v1/chat/completions",
                ChatCompletions.buildRequest(root, "m", "s", "u", TOKEN).url().toString());
        assertEquals("https://hf-router.example/v1/chat/completions",
                ChatCompletions.buildRequest(v1, "m", "s", "u", TOKEN).url().toString());
    }
}
