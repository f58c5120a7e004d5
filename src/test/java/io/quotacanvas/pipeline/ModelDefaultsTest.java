package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelDefaultsTest {

    private static ImageRequest request(String model, AspectRatio ratio, Integer steps, Double guidance, boolean hd) {
        return new ImageRequest("a fox", null, model, ratio, 5L, steps, guidance, hd, false, false, 1,
                Duration.ofSeconds(60));
    }

    private static GenerationSettings settings(ProviderConfig pc, ImageRequest r) {
        return ModelDefaults.settings(pc, r.model(), r, "a fox, detailed", 42L);
    }

    private final AppConfig defaults = TestConfigs.load("{}", Map.of());

    @Test
    void theRequestsStepsAndGuidanceWinOverTheModelsDefaults() {
        GenerationSettings s = settings(defaults.provider(ProviderId.GITEE),
                request("flux-1-krea", AspectRatio.SQUARE, 33, 6.0, false));

        assertEquals(33, s.steps());
        assertEquals(6.0, s.guidanceScale());
        assertEquals("a fox, detailed", s.prompt());
        assertEquals(42L, s.seed());
    }

    @Test
    void aModelThatTakesNoGuidanceGetsNoneEvenWhenAskedFor() {
        GenerationSettings s = settings(defaults.provider(ProviderId.GITEE),
                request("z-image-turbo", AspectRatio.SQUARE, null, 5.0, false));

        assertNull(s.guidanceScale());
        assertEquals(9, s.steps());
    }

    @Test
    void aModelWithoutADefaultGuidanceSendsNoneUnlessAsked() {
        ProviderConfig gitee = defaults.provider(ProviderId.GITEE);

        assertNull(settings(gitee, request("qwen-image", AspectRatio.SQUARE, null, null, false)).guidanceScale());
        assertEquals(2.5, settings(gitee, request("qwen-image", AspectRatio.SQUARE, null, 2.5, false)).guidanceScale());
    }

    @Test
    void providersWhoseRequestsHaveNoGuidanceFieldRecordNone() {
        assertNull(settings(defaults.provider(ProviderId.A4F),
                request("imagen-4", AspectRatio.SQUARE, null, 7.0, false)).guidanceScale());
    }

    @Test
    void theModelsHdScaleWinsOverTheProviders() {
        ProviderConfig gitee = defaults.provider(ProviderId.GITEE);

        assertEquals(new ImageSize(1536, 1152), settings(gitee, request("flux-1", AspectRatio.LANDSCAPE_4_3,
                null, null, true)).size());
        assertEquals(new ImageSize(2048, 1536), settings(gitee, request("z-image-turbo", AspectRatio.LANDSCAPE_4_3,
                null, null, true)).size());
    }

    @Test
    void hdSizesShrinkToTheModelsOrTheProvidersLimitKeepingTheShape() {
        AppConfig config = TestConfigs.load("""
                providers:
                  gitee:
                    max_size: 1280
                    model_settings: {flux-1: {max_size: 1024, hd_scale: 2}}
                """, Map.of());
        ProviderConfig gitee = config.provider(ProviderId.GITEE);

        assertEquals(new ImageSize(1024, 576), settings(gitee, request("flux-1", AspectRatio.WIDE, null, null, true))
                .size());
        assertEquals(new ImageSize(1280, 720), settings(gitee, request("z-image-turbo", AspectRatio.WIDE,
                null, null, true)).size());
        assertEquals(new ImageSize(816, 1024), ModelDefaults.fit(new ImageSize(1632, 2048), 1024));
    }

    @Test
    void aModelTheProviderDoesNotDescribeFallsBackToTheCanonicalDefaults() {
        AppConfig config = TestConfigs.load("""
                providers:
                  gitee: {models: {kolors: Kolors}}
                """, Map.of());

        GenerationSettings s = settings(config.provider(ProviderId.GITEE),
                request("kolors", AspectRatio.SQUARE, null, null, false));

        assertEquals(25, s.steps());
        assertEquals(7.5, s.guidanceScale());
        assertEquals(new ImageSize(1024, 1024), s.size());
        assertEquals(new ModelDefaults.Defaults(20, null), ModelDefaults.of("some-new-model"));
    }

    @Test
    void withoutHdTheBaseSizeIsKeptAndWithoutALimitNothingShrinks() {
        AppConfig config = TestConfigs.load("""
                providers:
                  gitee: {max_size: null, hd_scale: 3}
                """, Map.of());
        ProviderConfig gitee = config.provider(ProviderId.GITEE);

        assertEquals(new ImageSize(819, 1024), settings(gitee, request("qwen-image", AspectRatio.PORTRAIT_4_5,
                null, null, false)).size());
        assertEquals(new ImageSize(3072, 3072), settings(gitee, request("qwen-image", AspectRatio.SQUARE,
                null, null, true)).size());
    }
}
