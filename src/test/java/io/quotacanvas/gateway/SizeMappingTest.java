package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.AspectRatio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeMappingTest {

    @ParameterizedTest
    @CsvSource({"auto,1:1", "256x256,1:1", "512x512,1:1", "1024x1024,1:1", "1792x1024,16:9", "1024x1792,9:16",
            "1536x1024,3:2", "1024x1536,2:3", "1280x960,4:3", "960x1280,3:4", "1080x1350,4:5", "2000x1000,16:9",
            "16:9,16:9", "5:4,5:4", "1024 x 768,4:3", "1024X576,16:9"})
    void openAiSizesGoToTheNearestRatio(String size, String ratio) {
        assertEquals(ratio, SizeMapping.aspectRatio(size).orElseThrow().label());
    }

    @ParameterizedTest
    @ValueSource(strings = {"big", "1024", "0x512", "1024x0", "99999x1", "-5x5", "1024x1024px", "21:9"})
    void anythingElseIsRefused(String size) {
        assertTrue(SizeMapping.aspectRatio(size).isEmpty(), size);
    }

    @org.junit.jupiter.api.Test
    void noSizeIsSquare() {
        assertEquals(AspectRatio.SQUARE, SizeMapping.aspectRatio(null).orElseThrow());
    }
}
