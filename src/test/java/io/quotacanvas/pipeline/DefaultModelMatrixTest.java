package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// Golden test of the shipped model matrix against the seed skill (providers.md §8): every canonical model on
/// every provider that offers it, its provider id, the steps and guidance sent when the request sets none, and
/// the HD sizes. A changed default shows up here as one changed line.
class DefaultModelMatrixTest {
    private final AppConfig defaults = TestConfigs.load("{}", Map.of());

    /// provider, model, provider id, steps, guidance ("-" = none sent), 1:1 HD, 16:9 HD.
    private static final String GOLDEN = """
            huggingface z-image-turbo Tongyi-MAI/Z-Image-Turbo 9 - 2048x2048 2048x1152
            huggingface z-image Tongyi-MAI/Z-Image 30 4.0 2048x2048 2048x1152
            huggingface qwen-image Qwen/Qwen-Image 8 4.0 2048x2048 2048x1152
            huggingface ovis-image AIDC-AI/Ovis-Image-7B 24 4.0 2048x2048 2048x1152
            huggingface flux-1-schnell black-forest-labs/FLUX.1-schnell 8 - 2048x2048 2048x1152
            huggingface flux-2 black-forest-labs/FLUX.2-dev 20 3.5 2048x2048 2048x1152
            gitee z-image-turbo z-image-turbo 9 - 2048x2048 2048x1152
            gitee flux-2 FLUX.2-dev 20 3.5 1536x1536 1536x864
            gitee qwen-image Qwen-Image 20 - 2048x2048 2048x1152
            gitee flux-1-schnell flux-1-schnell 8 7.5 1536x1536 1536x864
            gitee flux-1-krea FLUX_1-Krea-dev 20 4.5 1536x1536 1536x864
            gitee flux-1 FLUX.1-dev 20 4.5 1536x1536 1536x864
            modelscope z-image-turbo Tongyi-MAI/Z-Image-Turbo 9 - 2048x2048 2048x1152
            modelscope z-image Tongyi-MAI/Z-Image 30 4.0 2048x2048 2048x1152
            modelscope flux-2 black-forest-labs/FLUX.2-dev 20 3.5 1024x1024 1024x576
            modelscope qwen-image Qwen/Qwen-Image 20 - 1664x1664 1664x928
            modelscope flux-1-krea black-forest-labs/FLUX.1-Krea-dev 20 3.5 1024x1024 1024x576
            modelscope flux-1 MusePublic/489_ckpt_FLUX_1 20 3.5 1024x1024 1024x576
            a4f z-image-turbo provider-8/z-image 9 - 2048x2048 2048x1152
            a4f imagen-4 provider-8/imagen-4 20 - 2048x2048 2048x1152
            a4f imagen-3.5 provider-4/imagen-3.5 20 - 2048x2048 2048x1152
            a4f flux-1-schnell provider-4/flux-schnell 8 - 2048x2048 2048x1152
            openai_compatible qwen-image Qwen/Qwen-Image 20 - 2048x2048 2048x1152
            openai_compatible kolors Kwai-Kolors/Kolors 25 - 2048x2048 2048x1152
            """;

    @Test
    void theShippedMatrixIsTheGoldenOne() {
        List<String> lines = new ArrayList<>();
        for (ProviderId id : ProviderId.values()) {
            ProviderConfig pc = defaults.provider(id);
            pc.models().forEach((model, providerModel) -> {
                GenerationSettings plain = settings(pc, model, AspectRatio.SQUARE, false);
                lines.add(String.join(" ", id.wireName(), model, providerModel, Integer.toString(plain.steps()),
                        plain.guidanceScale() == null ? "-" : plain.guidanceScale().toString(),
                        settings(pc, model, AspectRatio.SQUARE, true).size().wxh(),
                        settings(pc, model, AspectRatio.WIDE, true).size().wxh()));
            });
        }
        assertEquals(GOLDEN, String.join("\n", lines) + "\n");
    }

    @Test
    void everyModelTheSeedOffersIsOfferedOnEveryProviderItOffersItOn() {
        Map<ProviderId, Set<String>> seed = Map.of(
                ProviderId.HUGGINGFACE, Set.of("z-image-turbo", "z-image", "qwen-image", "ovis-image", "flux-1-schnell"),
                ProviderId.GITEE, Set.of("z-image-turbo", "qwen-image", "flux-2", "flux-1-schnell", "flux-1-krea",
                        "flux-1"),
                ProviderId.MODELSCOPE, Set.of("z-image-turbo", "z-image", "flux-2", "flux-1-krea", "flux-1"),
                ProviderId.A4F, Set.of("z-image-turbo", "imagen-4", "imagen-3.5"));
        seed.forEach((id, models) -> assertTrue(defaults.provider(id).models().keySet().containsAll(models),
                id + " offers " + defaults.provider(id).models().keySet()));
        // the seed's openai_compatible list is of raw server ids
        assertTrue(defaults.provider(ProviderId.OPENAI_COMPATIBLE).models().values()
                .containsAll(Set.of("Qwen/Qwen-Image", "Kwai-Kolors/Kolors")));
        // and every Hugging Face model can be reached anonymously through its public Space
        assertEquals(defaults.provider(ProviderId.HUGGINGFACE).models().keySet(),
                defaults.provider(ProviderId.HUGGINGFACE).spaces().keySet());
    }

    @Test
    void withoutHdEveryModelGetsTheSeedsBaseSizes() {
        for (ProviderId id : ProviderId.values()) {
            ProviderConfig pc = defaults.provider(id);
            for (String model : pc.models().keySet()) {
                assertEquals("1024x1024", settings(pc, model, AspectRatio.SQUARE, false).size().wxh(), id + " " + model);
                assertEquals("1024x576", settings(pc, model, AspectRatio.WIDE, false).size().wxh(), id + " " + model);
            }
        }
    }

    private static GenerationSettings settings(ProviderConfig pc, String model, AspectRatio ratio, boolean hd) {
        ImageRequest request = new ImageRequest("a fox", pc.id(), model, ratio, null, null, null, hd, false, false, 1,
                java.time.Duration.ofSeconds(60));
        return ModelDefaults.settings(pc, model, request, "a fox", 7L);
    }
}
