package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/// OpenAI's image request and our extensions → an engine request, or a 400/404 naming the field.
class GenerationParserTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AppConfig config = TestConfigs.load("""
            routing: {provider_order: [gitee, modelscope]}
            gateway: {max_queue: 4, image_timeout: 90s, model_aliases: {dall-e-3: flux-2}}
            """, Map.of());
    private final GenerationParser parser = new GenerationParser(config, new ModelCatalog(config));

    private GenerationParser.Result parse(String json) {
        return parser.parse(JSON.readTree(json));
    }

    @Test
    void theOpenAiFieldsAndOurExtensionsMakeTheEngineRequest() {
        GenerationCall call = parse("""
                {"prompt": "  a red fox  ", "model": "FLUX-2", "n": 3, "size": "1792x1024",
                 "response_format": "b64_json", "quality": "hd", "user": "user-42", "style": "vivid",
                 "seed": 7, "steps": 20, "guidance_scale": 3.5, "provider": "gitee", "optimize_prompt": false}
                """).call();

        ImageRequest r = call.request();
        assertEquals("a red fox", r.prompt());
        assertEquals("flux-2", r.model());
        assertEquals(3, r.count());
        assertEquals(AspectRatio.WIDE, r.aspectRatio());
        assertTrue(call.b64());
        assertTrue(r.enableHd());
        assertEquals(7L, r.seed());
        assertEquals(20, r.steps());
        assertEquals(3.5, r.guidanceScale());
        assertEquals(ProviderId.GITEE, r.provider());
        assertFalse(r.optimizePrompt());
        assertEquals(Duration.ofSeconds(90), r.timeout());
        assertEquals("user-42", call.user());
    }

    @Test
    void aBarePromptTakesTheDefaults() {
        GenerationCall call = parse("{\"prompt\": \"fox\"}").call();

        assertEquals("z-image-turbo", call.request().model());
        assertEquals(1, call.request().count());
        assertEquals(AspectRatio.SQUARE, call.request().aspectRatio());
        assertFalse(call.b64());
        assertNull(call.request().provider());
        assertEquals(config.prompt().optimize(), call.request().optimizePrompt());
    }

    @Test
    void aliasesAndProviderModelIdsReachTheirCanonicalModel() {
        assertEquals("flux-2", parse("{\"prompt\":\"x\",\"model\":\"dall-e-3\"}").call().request().model());
        assertEquals("z-image-turbo", parse("{\"prompt\":\"x\",\"model\":\"Tongyi-MAI/Z-Image-Turbo\"}").call()
                .request().model());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|prompt", "{\"prompt\":\"   \"}|prompt", "{\"prompt\":[\"x\"]}|prompt",
            "{\"prompt\":\"x\",\"n\":0}|n", "{\"prompt\":\"x\",\"n\":11}|n", "{\"prompt\":\"x\",\"n\":1.5}|n",
            "{\"prompt\":\"x\",\"n\":5}|n",
            "{\"prompt\":\"x\",\"size\":\"wide\"}|size", "{\"prompt\":\"x\",\"response_format\":\"png\"}|response_format",
            "{\"prompt\":\"x\",\"quality\":\"max\"}|quality", "{\"prompt\":\"x\",\"provider\":\"dalle\"}|provider",
            "{\"prompt\":\"x\",\"seed\":-3}|seed", "{\"prompt\":\"x\",\"steps\":0}|steps",
            "{\"prompt\":\"x\",\"guidance_scale\":51}|guidance_scale",
            "{\"prompt\":\"x\",\"optimize_prompt\":\"yes\"}|optimize_prompt", "{\"prompt\":\"x\",\"stream\":true}|stream",
            "{\"prompt\":\"x\",\"model\":7}|model"})
    void eachBadFieldIsABadRequestNamingIt(String json, String field) {
        ApiError e = parse(json).error();

        assertEquals(400, e.status());
        assertEquals(field, e.param());
        assertEquals("invalid_request_error", e.type());
        assertTrue(e.message().contains(field), e.message());
    }

    @Test
    void anUnknownModelIsNotFoundAndListsTheModels() {
        ApiError e = parse("{\"prompt\":\"x\",\"model\":\"dall-e-2\"}").error();

        assertEquals(404, e.status());
        assertEquals("model_not_found", e.code());
        assertTrue(e.message().contains("z-image-turbo"), e.message());
    }

    @Test
    void aBodyThatIsNotAnObjectIsABadRequest() {
        assertEquals(400, parse("[1]").error().status());
        assertEquals(400, parse("\"fox\"").error().status());
    }
}
