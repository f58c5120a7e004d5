package io.quotacanvas.library;

import io.quotacanvas.core.ImageData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/// Produces the PNG the library stores: the provider's PNG bytes untouched (or another format re-encoded as
/// PNG), plus our two metadata chunks before the image data (`IDAT`), where readers expect them.
///
/// Chunks: `parameters` (A1111 text; `tEXt` if Latin-1, else `iTXt`) and `quota-canvas` (`iTXt`, our JSON).
/// Stale chunks with those keywords in the input are dropped. Stateless and thread-safe.
final class PngEncoding {
    static final String PARAMETERS = "parameters";
    static final String QUOTA_CANVAS = "quota-canvas";

    private PngEncoding() {
    }

    static byte[] withMetadata(ImageData image, ImageMetadata metadata) throws LibraryException {
        String parameters = MetadataCodec.toParameters(metadata);
        byte[] parametersChunk = PngChunks.isLatin1(parameters)
                ? PngChunks.textChunk(PARAMETERS, parameters)
                : PngChunks.internationalTextChunk(PARAMETERS, parameters);
        byte[] jsonChunk = PngChunks.internationalTextChunk(QUOTA_CANVAS, MetadataCodec.toJson(metadata));
        Set<String> ours = Set.of(PARAMETERS, QUOTA_CANVAS);
        if (PngChunks.isPng(image.bytes())) {
            try {
                return PngChunks.replaceText(image.bytes(), ours, parametersChunk, jsonChunk);
            } catch (IOException damaged) {
                // a PNG with a broken chunk layout may still decode; fall through and re-encode its pixels
            }
        }
        try {
            return PngChunks.replaceText(transcode(image), ours, parametersChunk, jsonChunk);
        } catch (IOException e) {
            throw new LibraryException("The image (" + image.format() + ") could not be converted to PNG: "
                    + e.getMessage() + ". It was not saved.", e);
        }
    }

    private static byte[] transcode(ImageData image) throws IOException, LibraryException {
        BufferedImage decoded;
        try {
            // ImageIO.read(ImageInputStream) closes the stream itself; an in-memory stream holds nothing else
            decoded = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(image.bytes())));
        } catch (IOException | RuntimeException e) {
            throw new LibraryException("The image (" + image.format() + ") is damaged and could not be decoded;"
                    + " it was not saved.", e);
        }
        if (decoded == null) {
            throw new LibraryException("No image reader understands this image (" + image.format() + ");"
                    + " it was not saved.");
        }
        byte[] png = encodePng(decoded);
        if (png == null) { // e.g. a CMYK JPEG's colour model has no PNG writer: convert to sRGB first
            BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
                    decoded.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(decoded, 0, 0, null);
            png = encodePng(rgb);
        }
        if (png == null) {
            throw new IOException("no PNG writer accepts this image");
        }
        return png;
    }

    private static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                return null;
            }
        }
        return bytes.toByteArray();
    }
}
