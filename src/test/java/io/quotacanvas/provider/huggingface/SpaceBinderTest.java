package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SpaceBinderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SpaceSchema schema(String info, String api) {
        return SpaceSchema.fromInfo("/gradio_api", api, JSON.readTree(info));
    }

    static JsonNode bound(SpaceSchema schema, Map<String, String> overrides, GenerationSettings s) {
        var step = SpaceBinder.bind(schema, overrides, s, "m");
        if (step instanceof Step.Failed<?> f) {
            throw new AssertionError(f.failure().message());
        }
        return JSON.readTree(((Step.Ok<?>) step).value().toString());
    }

    @Test
    void zImageTurboGetsOurPromptTheNearestResolutionOurSeedAndStepsAndItsOwnDefaults() {
        SpaceSchema z = schema(FakeGradioSpace.resource("z-image-turbo-info.json"), "/generate");

        JsonNode data = bound(z, Map.of(), HfFixtures.settings(new ImageSize(1024, 576), AspectRatio.WIDE, 4.0));

        assertEquals(JSON.readTree("[\"a red fox in fresh snow\",\"1280x720 ( 16:9 )\",42,9,3,false,[]]"), data);
    }

    @Test
    void fluxSchnellGetsWidthHeightAndNeverRandomizes() {
        SpaceSchema f = schema(FakeGradioSpace.resource("flux-1-schnell-info.json"), "/infer");

        JsonNode data = bound(f, Map.of(), HfFixtures.settings(new ImageSize(768, 1024), AspectRatio.PORTRAIT_3_4, null));

        assertEquals(JSON.readTree("[\"a red fox in fresh snow\",42,false,768,1024,9]"), data);
    }

    @Test
    void aSpaceThatReordersItsInputsStillGetsEachValueInItsPlace() {
        SpaceSchema reordered = schema(GradioSpaceTest.REORDERED_INFO, "/infer");

        JsonNode data = bound(reordered, Map.of(), HfFixtures.settings(new ImageSize(768, 1024), AspectRatio.PORTRAIT_3_4, 3.5));

        assertEquals(JSON.readTree("[1024,9,\"a red fox in fresh snow\",\"vivid\",768,false,42,3.5]"), data);
    }

    @Test
    void theConfigOverrideWinsOverTheBuiltInNames() {
        String info = """
                {"named_endpoints":{"/run":{"parameters":[
                 {"parameter_name":"text","parameter_has_default":true,"parameter_default":"overlay"},
                 {"parameter_name":"caption","parameter_has_default":false},
                 {"parameter_name":"seed","parameter_has_default":true,"parameter_default":1}]}}}""";

        // by name "text" would take the prompt; the override sends it to "caption" and "text" keeps its default
        JsonNode data = bound(schema(info, "/run"), Map.of("prompt", "caption"), HfFixtures.square());

        assertEquals(JSON.readTree("[\"overlay\",\"a red fox in fresh snow\",42]"), data);
    }

    @Test
    void aRequiredInputWeCannotFillNamesItAndTheOverride() {
        String info = """
                {"named_endpoints":{"/run":{"parameters":[
                 {"parameter_name":"prompt","parameter_has_default":false},
                 {"parameter_name":"style_preset","parameter_has_default":false}]}}}""";

        var step = SpaceBinder.bind(schema(info, "/run"), Map.of(), HfFixtures.square(), "flux-2");

        var failure = assertInstanceOf(Outcome.ModelUnavailable.class, ((Step.Failed<?>) step).failure());
        assertTrue(failure.message().contains("'style_preset'"), failure.message());
        assertTrue(failure.message().contains("spaces.flux-2.parameters"), failure.message());
    }

    @Test
    void aSpaceWithNoPromptInputOrABadOverrideIsUnavailable() {
        String info = """
                {"named_endpoints":{"/run":{"parameters":[
                 {"parameter_name":"words","parameter_has_default":true,"parameter_default":"a cat"}]}}}""";

        var noPrompt = SpaceBinder.bind(schema(info, "/run"), Map.of(), HfFixtures.square(), "m");
        var badOverride = SpaceBinder.bind(schema(info, "/run"), Map.of("prompt", "missing"), HfFixtures.square(), "m");

        assertTrue(((Step.Failed<?>) noPrompt).failure().message().contains("takes the prompt"));
        assertTrue(((Step.Failed<?>) badOverride).failure().message().contains("names 'missing'"));
    }

    @Test
    void resolutionChoicesPreferTheShapeThenTheSize() {
        List<String> choices = SpaceSchema.literalChoices(
                "Literal['1024x1024 ( 1:1 )', '1280x720 ( 16:9 )', '1280x1280 ( 1:1 )', '864x1152 ( 3:4 )']");

        assertEquals("1024x1024 ( 1:1 )", SizeChoices.resolution(choices, new ImageSize(1024, 1024)));
        assertEquals("1280x1280 ( 1:1 )", SizeChoices.resolution(choices, new ImageSize(1280, 1280)));
        assertEquals("864x1152 ( 3:4 )", SizeChoices.resolution(choices, new ImageSize(768, 1024)));
        assertEquals("1280x720 ( 16:9 )", SizeChoices.resolution(choices, new ImageSize(2048, 1152)));
        assertEquals("640x960", SizeChoices.resolution(List.of(), new ImageSize(640, 960)));
    }

    @Test
    void aspectRatioChoicesPickTheClosestShape() {
        List<String> qwen = SpaceSchema.literalChoices("Literal['1:1', '16:9', '9:16', '4:3', '3:4', '3:2', '2:3']");

        assertEquals("3:4", SizeChoices.aspectRatio(qwen, new ImageSize(768, 1024), "3:4"));
        assertEquals("16:9", SizeChoices.aspectRatio(qwen, new ImageSize(1024, 576), "16:9"));
        // 4:5 is not offered; 3:4 is the nearest portrait shape
        assertEquals("3:4", SizeChoices.aspectRatio(qwen, new ImageSize(819, 1024), "4:5"));
        assertEquals("4:5", SizeChoices.aspectRatio(List.of(), new ImageSize(819, 1024), "4:5"));
    }
}
