package io.quotacanvas.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Outcome;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageDecodingTest {

    private static Outcome.BadResponse bad(byte[] bytes, String type) {
        return assertInstanceOf(Outcome.BadResponse.class, ImageDecoding.decode(bytes, type, null, 200));
    }

    @Test
    void aPngDecodesWithItsRealSizeAndKeepsItsBytes() {
        byte[] png = TestImages.png(30, 20);

        Outcome.Success ok = assertInstanceOf(Outcome.Success.class, ImageDecoding.decode(png, "image/png", "u", 200));

        assertEquals("png", ok.image().format());
        assertEquals(30, ok.image().width());
        assertEquals(20, ok.image().height());
        assertEquals(png, ok.image().bytes());
        assertEquals("u", ok.remoteUrl());
    }

    @Test
    void aJpegDecodesEvenWhenDeclaredAsSomethingElse() {
        Outcome outcome = ImageDecoding.decode(TestImages.jpeg(16, 16), "application/octet-stream", null, 200);

        assertEquals("jpeg", assertInstanceOf(Outcome.Success.class, outcome).image().format());
    }

    @Test
    void halfAPngIsTruncated() {
        assertTrue(bad(TestImages.firstHalf(TestImages.png(64, 64)), "image/png").message().contains("truncated"));
    }

    @Test
    void halfAJpegIsTruncatedAlthoughTheDecoderOnlyWarns() {
        assertTrue(bad(TestImages.firstHalf(TestImages.jpeg(64, 64)), "image/jpeg").message().contains("truncated"));
    }

    @Test
    void htmlIsNamedAsHtml() {
        byte[] html = "<!DOCTYPE html><html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);

        assertEquals("provider returned text/html instead of an image", bad(html, "image/png").message());
    }

    @Test
    void jsonAndPlainTextAreNamed() {
        assertTrue(bad("{\"error\":\"nope\"}".getBytes(), null).message().startsWith("provider returned JSON"));
        assertTrue(bad("expired".getBytes(), "text/plain").message().startsWith("provider returned text/plain"));
    }

    @Test
    void unknownBytesAndEmptyBodiesAreBad() {
        assertTrue(bad(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, null).message().contains("not a known image format"));
        assertTrue(bad(new byte[0], "image/png").message().contains("empty"));
    }
}
