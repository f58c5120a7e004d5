package io.quotacanvas.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/// Small previews of stored images for tool results: the agent (and the person watching it) sees the
/// picture without the full file travelling through the protocol. At most [#EDGE] pixels on the long side,
/// JPEG, a few tens of kilobytes — far under the ~1 MB some clients accept.
final class Previews {
    static final int EDGE = 512;
    private static final float QUALITY = 0.85f;

    private Previews() {
    }

    /// An image content block for the PNG at `path`, or empty when it can't be read.
    static Optional<McpSchema.ImageContent> of(Path path) {
        try {
            BufferedImage image = ImageIO.read(path.toFile());
            if (image == null) {
                return Optional.empty();
            }
            String data = Base64.getEncoder().encodeToString(jpeg(scaled(image)));
            return Optional.of(new McpSchema.ImageContent(null, data, "image/jpeg"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /// The image no larger than [#EDGE] on its long side, on an opaque RGB canvas (JPEG has no alpha).
    static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) EDGE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
