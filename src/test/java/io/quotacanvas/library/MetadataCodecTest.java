package io.quotacanvas.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MetadataCodecTest {
    static final Set<String> DOCUMENTED_FIELDS = Set.of("version", "promptOriginal", "promptFinal", "provider",
            "model", "providerModel", "seed", "steps", "guidanceScale", "aspectRatio", "width", "height", "createdAt",
            "remoteUrl", "attempts");
    static final Set<String> DOCUMENTED_ATTEMPT_FIELDS = Set.of("step", "provider", "model", "tokenLabel", "outcome",
            "httpStatus", "message", "elapsedMs", "coolingUntil");

    private final ImageMetadata meta = TestImages.metadata("a cat, sleeping", "A fluffy cat sleeping: \"cozy\"",
            TestImages.T0);

    @Test
    void jsonRoundTripKeepsEveryField() {
        assertEquals(meta, MetadataCodec.fromJson(MetadataCodec.toJson(meta)).orElseThrow());
    }

    @Test
    void jsonHasOnlyTheDocumentedFieldsWithIsoInstants() {
        JsonNode json = JsonMapper.builder().build().readTree(MetadataCodec.toJson(meta));

        assertEquals(DOCUMENTED_FIELDS, new HashSet<>(json.propertyNames()));
        for (JsonNode attempt : json.get("attempts")) {
            assertEquals(DOCUMENTED_ATTEMPT_FIELDS, new HashSet<>(attempt.propertyNames()));
        }
        assertEquals(1, json.get("version").asInt());
        assertEquals("2026-11-24T14:32:05.123Z", json.get("createdAt").asString());
        assertEquals("2026-11-24T15:32:05.123Z", json.get("attempts").get(0).get("coolingUntil").asString());
    }

    @Test
    void aRunIdIsAnOptionalFieldThatOlderJsonSimplyLacks() {
        ImageMetadata inRun = meta.withRunId("run-20261124-0001");
        JsonNode json = JsonMapper.builder().build().readTree(MetadataCodec.toJson(inRun));

        assertEquals("run-20261124-0001", json.get("runId").asString());
        assertEquals(inRun, MetadataCodec.fromJson(MetadataCodec.toJson(inRun)).orElseThrow());
        assertEquals(null, MetadataCodec.fromJson(MetadataCodec.toJson(meta)).orElseThrow().runId(),
                "what older versions wrote reads as in no run");
    }

    @Test
    void parametersLookLikeA1111AndParseBack() {
        String text = MetadataCodec.toParameters(meta);

        assertEquals("A fluffy cat sleeping: \"cozy\"\nSteps: 9, CFG scale: 3.5, Seed: 42, Size: 64x64,"
                + " Model: z-image-turbo, Provider: gitee, Original prompt: \"a cat, sleeping\"", text);
        ImageMetadata back = MetadataCodec.fromParameters(text, TestImages.T0);
        assertEquals(meta.promptFinal(), back.promptFinal());
        assertEquals(meta.promptOriginal(), back.promptOriginal());
        assertEquals(ProviderId.GITEE, back.provider());
        assertEquals(9, back.steps());
        assertEquals(3.5, back.guidanceScale());
        assertEquals(42, back.seed());
        assertEquals(64, back.width());
        assertEquals("z-image-turbo", back.model());
    }

    @Test
    void foreignA1111TextGivesWhatItHas() {
        String a1111 = """
                masterpiece, a red fox in snow
                detailed fur
                Negative prompt: blurry, lowres
                Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234567890, Size: 512x768, Model hash: abc123, \
                Model: sd_xl_base_1.0, Version: v1.6.0""";

        ImageMetadata m = MetadataCodec.fromParameters(a1111, Instant.EPOCH);

        assertEquals("masterpiece, a red fox in snow\ndetailed fur", m.promptFinal());
        assertEquals(m.promptFinal(), m.promptOriginal());
        assertEquals(20, m.steps());
        assertEquals(7.0, m.guidanceScale());
        assertEquals(1234567890L, m.seed());
        assertEquals(512, m.width());
        assertEquals(768, m.height());
        assertEquals("sd_xl_base_1.0", m.model());
        assertNull(m.provider());
        assertEquals(List.of(), m.attempts());
    }

    @Test
    void promptWithoutParameterLineIsAllPrompt() {
        ImageMetadata m = MetadataCodec.fromParameters("just a prompt", Instant.EPOCH);
        assertEquals("just a prompt", m.promptFinal());
        assertEquals(MetadataCodec.UNKNOWN_SEED, m.seed());
    }

    @Test
    void damagedJsonIsEmptyNotAnException() {
        assertTrue(MetadataCodec.fromJson("{not json").isEmpty());
        assertTrue(MetadataCodec.fromJson("[1,2]").isEmpty());
    }
}
