package io.quotacanvas.library;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ImageData;
import io.quotacanvas.core.ProviderId;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/// Small images and metadata for library tests, made in memory.
final class TestImages {
    /// A 1×1 lossless (VP8L) WebP, the one browsers' feature checks use.
    static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    static final Instant T0 = Instant.parse("2026-11-24T14:32:05.123Z");

    private TestImages() {
    }

    static BufferedImage picture(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 30, 90));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(10, 220, 40, 128));
        g.fillOval(1, 1, width - 2, height - 2);
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageData png(int width, int height) {
        return new ImageData(encode(picture(width, height), "png"), "png", width, height);
    }

    static ImageData jpeg(int width, int height) {
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(picture(width, height), 0, 0, null);
        return new ImageData(encode(rgb, "jpeg"), "jpeg", width, height);
    }

    static ImageMetadata metadata(String original, String fin, Instant createdAt) {
        return metadata(original, fin, ProviderId.GITEE, "z-image-turbo", createdAt);
    }

    static ImageMetadata metadata(String original, String fin, ProviderId provider, String model, Instant createdAt) {
        List<AttemptRecord> attempts = List.of(
                new AttemptRecord(AttemptStep.GENERATE, ProviderId.HUGGINGFACE, "flux-schnell", "hf#1 …a1b2", AttemptOutcome.QUOTA_EXHAUSTED,
                        402, "monthly credits used", 812, createdAt.plusSeconds(3600)),
                new AttemptRecord(AttemptStep.GENERATE, provider, model, "gitee#2 …c3d4", AttemptOutcome.SUCCESS, 200, null,
                        4321, null));
        return new ImageMetadata(original, fin, provider, model, "Tongyi-MAI/Z-Image-Turbo", 42, 9, 3.5, "1:1", 64,
                64, createdAt, "https://example.invalid/img.png", attempts);
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    /// Chunk types in file order; fails if any chunk's CRC is wrong.
    static List<String> chunkTypesCheckingCrc(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(png);
        buf.position(8);
        while (buf.remaining() >= 12) {
            int length = buf.getInt();
            byte[] typeAndData = new byte[4 + length];
            buf.get(typeAndData);
            CRC32 crc = new CRC32();
            crc.update(typeAndData);
            if ((int) crc.getValue() != buf.getInt()) {
                throw new AssertionError("bad CRC in chunk " + new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1));
            }
            types.add(new String(typeAndData, 0, 4, StandardCharsets.ISO_8859_1));
        }
        return types;
    }
}
