package io.quotacanvas.provider.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/// The shipped defaults name the four Spaces of providers.md §1b with the hosts Hugging Face gives them.
class DefaultSpacesTest {

    @Test
    void theDefaultsShipTheFourPublicSpacesAndPreferThemForTokens() {
        ProviderConfig hf = TestConfigs.load("{}", Map.of()).provider(ProviderId.HUGGINGFACE);

        Map<String, String> spaces = new TreeMap<>();
        hf.spaces().forEach((model, s) -> spaces.put(model, s.url() + " " + s.apiName()));
        assertEquals(Map.of(
                "z-image-turbo", "https://tongyi-mai-z-image-turbo.hf.space /generate",
                "flux-1-schnell", "https://black-forest-labs-flux-1-schnell.hf.space /infer",
                "qwen-image", "https://qwen-qwen-image-2512.hf.space /infer",
                "flux-2", "https://black-forest-labs-flux-2-dev.hf.space /infer"), spaces);
        // no token_route option: a token goes to the Space by default
        assertEquals(null, hf.options().get("token_route"));
        assertEquals(true, hf.publicFallback());
    }
}
