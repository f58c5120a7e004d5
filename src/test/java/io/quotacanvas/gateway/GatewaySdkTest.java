package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.images.Image;
import com.openai.models.images.ImageGenerateParams;
import com.openai.models.images.ImagesResponse;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The gateway as OpenAI SDK users see it: the official Java SDK against the real gateway over loopback,
/// Gitee behind it played by a loopback server. Each error class arrives as the SDK's own exception.
@SuppressWarnings("deprecation") // response_format is what DALL·E-era clients send; the SDK marks it deprecated
class GatewaySdkTest {
    private static final String KEY = "test-gateway-key-0001";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    /// A JSON value the SDK kept as an extra property, as a tree.
    static JsonNode tree(JsonValue value) {
        return JSON.valueToTree(value.convert(Object.class));
    }

    private static ImageGenerateParams.Builder params(String prompt) {
        return ImageGenerateParams.builder().prompt(prompt).model("z-image-turbo");
    }

    @Test
    void b64AnswersCarryThePngTheFinalPromptAndTheAttemptsAndTheImageIsInTheLibrary() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("api_keys: [" + KEY + "]").start()) {
            ImagesResponse answer = gw.sdk(KEY).images().generate(params("a red fox in snow")
                    .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON).size("1792x1024")
                    .putAdditionalBodyProperty("seed", JsonValue.from(42)).build());

            Image image = answer.data().orElseThrow().getFirst();
            var png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.b64Json().orElseThrow())));
            assertEquals(64, png.getWidth());
            assertEquals("a red fox in snow", image.revisedPrompt().orElseThrow());
            JsonNode chain = tree(answer._additionalProperties().get("quota_canvas")).get("images").get(0);
            assertEquals("16:9", chain.get("aspect_ratio").asString());
            assertEquals(42L, chain.get("seed").asLong());
            assertEquals("gitee#1 …0001", chain.get("attempts").get(0).get("token").asString());
            assertFalse(chain.has("saved_path"), "the server's paths stay on the server");
            assertEquals(1, gw.libraryImages());
        }
    }

    @Test
    void urlAnswersPointAtTheGatewayAndAreFetchedWithoutAKey() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("api_keys: [" + KEY + "]").start()) {
            ImagesResponse answer = gw.sdk(KEY).images().generate(params("two foxes").n(2)
                    .responseFormat(ImageGenerateParams.ResponseFormat.URL).build());

            List<Image> data = answer.data().orElseThrow();
            assertEquals(2, data.size());
            for (Image image : data) {
                String url = image.url().orElseThrow();
                assertTrue(url.startsWith(gw.base() + "/v1/files/img_"), url);
                try (Response r = gw.http.newCall(new Request.Builder().url(url).build()).execute()) {
                    assertEquals(200, r.code());
                    assertEquals("image/png", r.header("Content-Type"));
                    assertNotNull(ImageIO.read(r.body().byteStream()));
                }
            }
            assertEquals(2, gw.gitee.generationRequests().size(), "one provider request per image");
        }
    }

    @Test
    void aBatchWithSomeImagesFailedAnswersTheImagesMadeAndSaysWhyTheOthersFailed() {
        try (GatewayFixture gw = GatewayFixture.in(home).tokens("gitee-test-token-0001,gitee-test-token-0002")
                .provider(s -> s.script("gitee-test-token-0002", Reply.CONTENT)).start()) {
            ImagesResponse answer = gw.sdk("k").images().generate(params("two foxes").n(2).build());

            assertEquals(1, answer.data().orElseThrow().size());
            JsonNode summary = tree(answer._additionalProperties().get("quota_canvas"));
            assertEquals(2, summary.get("count").asInt());
            assertEquals(1, summary.get("succeeded").asInt());
            assertEquals("content_rejected", summary.get("images").get(1).get("error_type").asString());
        }
    }

    @Test
    void aWrongOrMissingKeyIsAnAuthenticationErrorAndSpendsNothing() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("api_keys: [" + KEY + "]").start()) {
            var wrong = assertThrows(UnauthorizedException.class,
                    () -> gw.sdk("test-wrong-key-00001").images().generate(params("fox").build()));
            assertEquals(401, wrong.statusCode());
            assertEquals("invalid_api_key", wrong.code().orElseThrow());
            try (Response missing = gw.http.newCall(new Request.Builder().url(gw.base() + "/v1/models").build())
                    .execute()) {
                assertEquals(401, missing.code());
                assertEquals("Bearer", missing.header("WWW-Authenticate"));
            }
            assertEquals(0, gw.gitee.generationRequests().size());
        }
    }

    @Test
    void badFieldsAreBadRequestsNamingTheField() {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            OpenAIClient sdk = gw.sdk("unused-when-no-keys");
            var n = assertThrows(BadRequestException.class, () -> sdk.images().generate(params("fox").n(11).build()));
            assertEquals("n", n.param().orElseThrow());
            var size = assertThrows(BadRequestException.class,
                    () -> sdk.images().generate(params("fox").size("huge").build()));
            assertEquals("size", size.param().orElseThrow());
            assertTrue(size.getMessage().contains("size"), size.getMessage());
            assertEquals(0, gw.gitee.generationRequests().size());
        }
    }

    @Test
    void anUnknownModelIsNotFound() {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            var e = assertThrows(NotFoundException.class,
                    () -> gw.sdk("k").images().generate(params("fox").model("dall-e-3").build()));
            assertEquals("model_not_found", e.code().orElseThrow());
            assertEquals("model", e.param().orElseThrow());
        }
    }

    @Test
    void anAliasReachesItsCanonicalModel() {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("model_aliases: {dall-e-3: z-image-turbo}").start()) {
            ImagesResponse answer = gw.sdk("k").images().generate(params("fox").model("dall-e-3").build());
            assertEquals(1, answer.data().orElseThrow().size());
        }
    }

    @Test
    void everyTokenSpentIsARateLimitWithRetryAfterUntilTheNextReset() {
        try (GatewayFixture gw = GatewayFixture.in(home).tokens("gitee-test-token-0001,gitee-test-token-0002")
                .provider(s -> s.defaultReply(Reply.QUOTA)).start()) {
            var e = assertThrows(RateLimitException.class, () -> gw.sdk("k").images().generate(params("fox").build()));

            assertEquals(429, e.statusCode());
            assertEquals("insufficient_quota", e.code().orElseThrow());
            long retryAfter = Long.parseLong(e.headers().values("Retry-After").getFirst());
            // Gitee quotas reset at the next midnight in Shanghai
            Instant reset = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).toLocalDate().plusDays(1)
                    .atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
            long expected = Duration.between(Instant.now(), reset).toSeconds();
            assertTrue(Math.abs(retryAfter - expected) <= 5, retryAfter + " vs " + expected);
            assertEquals(List.of("false"), e.headers().values("x-should-retry"), "hours away: the SDK must not spin");
            assertEquals(2, gw.gitee.generationRequests().size(), "each token asked once");

            // the next request spends nothing: both tokens are cooling in the ledger
            assertThrows(RateLimitException.class, () -> gw.sdk("k").images().generate(params("fox").build()));
            assertEquals(2, gw.gitee.generationRequests().size());
        }
    }

    @Test
    void anImageThatRunsOutOfTimeIsAGatewayTimeout() {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("image_timeout: 1s")
                .provider(s -> s.defaultReply(Reply.HANG)).start()) {
            var e = assertThrows(InternalServerException.class,
                    () -> gw.sdk("k").images().generate(params("fox").build()));
            assertEquals(504, e.statusCode());
            assertEquals("timeout", e.code().orElseThrow());
        }
    }

    @Test
    void aFullQueueIsServiceUnavailable() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).gateway("max_queue: 2")
                .provider(s -> s.latency(Duration.ofSeconds(2))).start()) {
            OpenAIClient sdk = gw.sdk("k");
            Thread first = Thread.ofVirtual().start(() -> sdk.images().generate(params("two").n(2).build()));
            GatewayHttpTest.waitFor(() -> gw.server.inFlight() == 1);
            var e = assertThrows(InternalServerException.class, () -> sdk.images().generate(params("one").build()));
            assertEquals(503, e.statusCode());
            assertEquals("queue_full", e.code().orElseThrow());
            assertFalse(e.headers().values("Retry-After").isEmpty());
            first.join();
            assertEquals(2, gw.gitee.generationRequests().size(), "the refused request reached no provider");
        }
    }

    @Test
    void sixteenConcurrentRequestsShareThreeTokensOneRequestInFlightPerToken() throws Exception {
        String tokens = "gitee-test-token-0001,gitee-test-token-0002,gitee-test-token-0003";
        try (GatewayFixture gw = GatewayFixture.in(home).tokens(tokens)
                .provider(s -> s.latency(Duration.ofMillis(300))).start()) {
            OpenAIClient sdk = gw.sdk("k");
            List<Thread> clients = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < 16; i++) {
                int n = i;
                clients.add(Thread.ofVirtual().start(() -> made.addAndGet(sdk.images()
                        .generate(params("fox " + n).build()).data().orElseThrow().size())));
            }
            for (Thread t : clients) {
                t.join();
            }
            assertEquals(16, made.get());
            assertEquals(16, gw.gitee.generationRequests().size());
            for (String token : tokens.split(",")) {
                assertEquals(1, gw.gitee.maxInFlight(token), token + " had more than one request in flight");
            }
            assertEquals(3, gw.gitee.maxInFlight(), "all three tokens were busy at once");
        }
    }

    @Test
    void modelsListsTheCanonicalModelsWithTheirReadiness() {
        try (GatewayFixture gw = GatewayFixture.in(home).start()) {
            var models = gw.sdk("k").models().list().data();
            var ids = models.stream().map(m -> m.id()).toList();
            assertTrue(ids.contains("z-image-turbo") && ids.contains("flux-2"), ids.toString());
            var turbo = models.stream().filter(m -> m.id().equals("z-image-turbo")).findFirst().orElseThrow();
            assertEquals("quota-canvas", turbo.ownedBy());
            assertTrue(tree(turbo._additionalProperties().get("ready")).asBoolean());
            assertEquals(1, tree(turbo._additionalProperties().get("ready_tokens")).asInt());
        }
    }
}
