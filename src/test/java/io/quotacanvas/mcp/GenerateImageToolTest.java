package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.core.ImageRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The defaults `generate_image` advertises in its schema are the ones it applies.
class GenerateImageToolTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(String name) {
        Map<String, Object> properties = (Map<String, Object>) Schemas.input(GenerateImageTool.NAME).get("properties");
        return (Map<String, Object>) properties.get(name);
    }

    @Test
    void theSchemasDefaultsAreTheRequestsDefaults() {
        assertEquals(ImageRequest.DEFAULT_TIMEOUT.toSeconds(),
                ((Number) property("timeout_seconds").get("default")).longValue());
        assertEquals(ImageRequest.DEFAULT_ASPECT_RATIO_LABEL, property("aspect_ratio").get("default"));
        assertEquals(GenerateImageTool.MAX_COUNT, ((Number) property("count").get("maximum")).intValue());
    }
}
