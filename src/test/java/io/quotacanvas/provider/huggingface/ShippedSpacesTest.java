package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.ModelDefaults;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.huggingface.FakeGradioSpace.Reply;
import io.quotacanvas.testing.TestConfigs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The Spaces the defaults ship, called with the shipped settings (the seed skill's steps and guidance)
/// against loopback Spaces shaped like the real ones.
class ShippedSpacesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OkHttpClient BASE = HttpClients.newBase();

    private final FakeGradioSpace zImage = FakeGradioSpace.zImage();
    private final FakeGradioSpace ovis = FakeGradioSpace.ovisImage();
    private final FakeGradioSpace turbo = FakeGradioSpace.zImageTurbo();

    @AfterEach
    void stop() {
        zImage.close();
        ovis.close();
        turbo.close();
    }

    @AfterAll
    static void closeBase() {
        HttpClients.shutdown(BASE);
    }

    /// The shipped Hugging Face config with each Space moved to its loopback twin.
    private ProviderConfig shipped() {
        return TestConfigs.load("""
                providers:
                  huggingface:
                    spaces:
                      z-image: {url: %s}
                      ovis-image: {url: %s}
                      z-image-turbo: {url: %s}
                """.formatted(zImage.url(), ovis.url(), turbo.url()), Map.of()).provider(ProviderId.HUGGINGFACE);
    }

    private Outcome generate(String model) {
        ProviderConfig hf = shipped();
        ImageRequest request = ImageRequest.of("a red fox in fresh snow").withModel(model);
        ProviderCall call = new ProviderCall(model, hf.models().get(model),
                ModelDefaults.settings(hf, model, request, request.prompt(), 42L),
                io.quotacanvas.core.Token.anonymous(ProviderId.HUGGINGFACE), Instant.now().plusSeconds(20),
                new CallScope());
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new HuggingFaceProvider(hf, BASE, BodyLimits.DEFAULT, Clock.systemUTC()).generate(call));
    }

    private static JsonNode sentData(FakeGradioSpace space) {
        String body = space.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().body();
        return JSON.readTree(body).get("data");
    }

    @Test
    void theOfficialZImageSpaceGetsOurValuesAndItsPageValuesForInputsWithoutADefault() {
        assertInstanceOf(Outcome.Success.class, generate("z-image"));

        // prompt, negative prompt, resolution, seed, steps 30, guidance 4 (§8), then what its page shows:
        // CFG normalization off; our own seed (random off); the empty gallery
        assertEquals(JSON.readTree("[\"a red fox in fresh snow\",\"\",\"1024x1024 ( 1:1 )\",42,30,4.0,false,false,null]"),
                sentData(zImage));
    }

    @Test
    void withoutItsPageValuesAnInputWithoutADefaultCannotBeFilledAndTheModelIsUnavailable() {
        zImage.configReply(new Reply(200, "application/json", "{\"version\":\"5.49.1\",\"api_prefix\":\"/gradio_api\"}"));

        Outcome.ModelUnavailable failure = assertInstanceOf(Outcome.ModelUnavailable.class, generate("z-image"));

        assertTrue(failure.message().contains("cfg_normalization"), failure.message());
        assertEquals(0, zImage.count("POST", "/gradio_api/call/"), "nothing is sent that the Space would refuse");
    }

    @Test
    void theOvisSpaceGetsWidthHeightSeedStepsAndGuidanceByName() {
        assertInstanceOf(Outcome.Success.class, generate("ovis-image"));

        assertEquals(JSON.readTree("[\"a red fox in fresh snow\",1024,1024,42,24,4.0]"), sentData(ovis));
    }

    @Test
    void aSpaceThatNoLongerHasItsEndpointIsUnavailable() {
        ovis.apiName("generate_image").info("{\"named_endpoints\":{\"/generate_image\":{\"parameters\":[]}}}");

        Outcome.ModelUnavailable failure = assertInstanceOf(Outcome.ModelUnavailable.class, generate("ovis-image"));

        assertTrue(failure.message().contains("no endpoint /generate"), failure.message());
        assertTrue(failure.message().contains("/generate_image"), failure.message());
    }

    @Test
    void theTurboSpacesNsfwPlaceholderIsAContentRejectionAndNothingIsDownloaded() {
        turbo.outputs(FakeGradioSpace.nsfwPlaceholderOutputs());

        Outcome.ContentRejected rejected = assertInstanceOf(Outcome.ContentRejected.class, generate("z-image-turbo"));

        assertTrue(rejected.message().contains("nsfw.png"), rejected.message());
        assertEquals(0, turbo.count("GET", "/gradio_api/file="), "the placeholder is not fetched");
    }
}
