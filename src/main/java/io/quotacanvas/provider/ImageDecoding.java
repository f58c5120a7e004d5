package io.quotacanvas.provider;

import io.quotacanvas.core.ImageData;
import io.quotacanvas.core.Outcome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/// Verifies that bytes really are an image by decoding them fully with ImageIO (the TwelveMonkeys WebP
/// and JPEG readers register themselves), and says what they are instead when they are not.
///
/// A truncated image fails: decoders that merely warn about missing data (JPEG) count as failures too.
/// Pure and thread-safe; the original bytes are kept in the [ImageData].
public final class ImageDecoding {
    /// Decompression-bomb guard: no provider sends more than this many pixels.
    static final long MAX_PIXELS = 100_000_000L;

    private ImageDecoding() {}

    /// `Success(image, remoteUrl, httpStatus)` when `bytes` decode, else a `BadResponse` saying why.
    /// `contentType` is the declared type or null; it is only used to word the message.
    public static Outcome decode(byte[] bytes, String contentType, String remoteUrl, int httpStatus) {
        if (bytes == null || bytes.length == 0) {
            return new Outcome.BadResponse(httpStatus, "provider returned an empty body instead of an image");
        }
        String notImage = describeNonImage(bytes, contentType);
        if (notImage != null) {
            return new Outcome.BadResponse(httpStatus, "provider returned " + notImage + " instead of an image");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Outcome.BadResponse(httpStatus, "provider returned " + bytes.length
                        + " bytes that are not a known image format" + declared(contentType));
            }
            return read(readers.next(), in, bytes, remoteUrl, httpStatus);
        } catch (IOException | RuntimeException e) {
            return new Outcome.BadResponse(httpStatus, "image data is truncated or corrupt: " + e.getMessage());
        }
    }

    private static Outcome read(ImageReader reader, ImageInputStream in, byte[] bytes, String remoteUrl,
                                int httpStatus) throws IOException {
        try {
            reader.setInput(in, true, true);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            String format = reader.getFormatName().toLowerCase(Locale.ROOT);
            if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                return new Outcome.BadResponse(httpStatus, "image is implausibly large ("
                        + reader.getWidth(0) + "x" + reader.getHeight(0) + ")");
            }
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                return new Outcome.BadResponse(httpStatus, "image data is truncated or corrupt (" + format + "): "
                        + warnings.getFirst());
            }
            return new Outcome.Success(new ImageData(bytes, format, image.getWidth(), image.getHeight()),
                    remoteUrl, httpStatus);
        } finally {
            reader.dispose();
        }
    }

    /// `text/html`, `JSON (…)`, `text` when the bytes are obviously not an image; null otherwise.
    static String describeNonImage(byte[] bytes, String contentType) {
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8).strip();
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String lower = head.toLowerCase(Locale.ROOT);
        if (type.contains("html") || lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
            return "text/html";
        }
        if (type.contains("json") || head.startsWith("{") || head.startsWith("[")) {
            return "JSON (" + TextSnippets.shorten(head, 120) + ")";
        }
        if (type.startsWith("text/")) {
            return type.split(";")[0].trim() + " (" + TextSnippets.shorten(head, 120) + ")";
        }
        return null;
    }

    private static String declared(String contentType) {
        return contentType == null ? "" : " (declared " + contentType + ")";
    }
}
