package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// The shipped defaults name a public Space for every model the seed skill offers on Hugging Face (providers.md
/// §1b, §8) plus FLUX.2, with the hosts Hugging Face gives them.
class DefaultSpacesTest {

    @Test
    void theDefaultsShipASpaceForEveryHuggingFaceModelAndPreferThemForTokens() {
        ProviderConfig hf = TestConfigs.load("{}", Map.of()).provider(ProviderId.HUGGINGFACE);

        Map<String, String> spaces = new TreeMap<>();
        assertEquals(hf.models().keySet(), hf.spaces().keySet(), "every model has a Space");
        hf.spaces().forEach((model, s) -> spaces.put(model, s.url() + " " + s.apiName()));
        assertEquals(Map.of(
                "z-image-turbo", "https://tongyi-mai-z-image-turbo.hf.space /generate",  // expected default
                "z-image", "https://tongyi-mai-z-image.hf.space /generate",  // expected default
                "ovis-image", "https://aidc-ai-ovis-image-7b.hf.space /generate",  // expected default
                "flux-1-schnell", "https://black-forest-labs-flux-1-schnell.hf.space /infer",  // expected default
                "qwen-image", "https://qwen-qwen-image-2512.hf.space /infer",  // expected default
                "flux-2", "https://black-forest-labs-flux-2-dev.hf.space /infer"), spaces);  // expected default
        // no token_route option: a token goes to the Space by default
        assertEquals(new ProviderOptions.HuggingFace(ProviderOptions.TokenRoute.SPACES), hf.options());
        assertEquals(true, hf.publicFallback());
    }
}
