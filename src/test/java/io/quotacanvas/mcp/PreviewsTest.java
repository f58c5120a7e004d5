package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A preview is the picture at most 512 px on its long side, as a JPEG far under a megabyte.
class PreviewsTest {
    @TempDir
    Path dir;

    @Test
    void aLargeNoisyImageBecomesASmallJpegOfTheSameShape() throws Exception {
        BufferedImage big = new BufferedImage(2048, 1152, BufferedImage.TYPE_INT_ARGB);
        Random random = new Random(42);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, random.nextInt());
            }
        }
        Path png = dir.resolve("big.png");
        ImageIO.write(big, "png", png.toFile());
        assertTrue(Files.size(png) > 5_000_000);

        var preview = Previews.of(png).orElseThrow();
        byte[] jpeg = Base64.getDecoder().decode(preview.data());
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals("image/jpeg", preview.mimeType());
        assertEquals(512, small.getWidth());
        assertEquals(288, small.getHeight());
        assertTrue(jpeg.length < 1_000_000, jpeg.length + " bytes");
    }

    @Test
    void aFileThatIsNotAnImageHasNoPreview() throws Exception {
        assertTrue(Previews.of(Files.writeString(dir.resolve("x.png"), "not an image")).isEmpty());
        assertTrue(Previews.of(dir.resolve("missing.png")).isEmpty());
    }
}
