package io.quotacanvas.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/// The result of a `generate_image` call: the `--json` payload as structured content (and as JSON text), a
/// one-line summary per image, and for each saved image a preview and a `resource_link` to the file.
/// `isError` when no image was made.
final class GenerateResults {
    private GenerateResults() {
    }

    static CallToolResult of(BatchResult batch, boolean single) {
        Map<String, Object> payload = JsonPayloads.forBatch(batch, single);
        List<String> lines = new ArrayList<>();
        List<McpSchema.Content> extra = new ArrayList<>();
        for (ImageResult r : batch.images()) {
            String n = single ? "" : "Image " + (r.index() + 1) + ": ";
            switch (r) {
                case ImageResult.Generated g -> {
                    lines.add(n + "saved " + g.savedPath() + " (id " + g.id() + ", " + g.provider().wireName() + "/"
                            + g.model() + ", " + g.width() + "x" + g.height() + ", seed " + g.settings().seed() + ")");
                    Previews.of(g.savedPath()).ifPresent(extra::add);
                    extra.add(link(g));
                }
                case ImageResult.Failed f -> lines.add(n + "failed (" + f.errorType().wireName() + "): " + f.error());
            }
        }
        String head = single ? "" : "Made " + batch.generatedCount() + " of " + batch.images().size() + " images in "
                + batch.elapsedMs() + " ms.\n";
        return ToolResults.result(payload, head + String.join("\n", lines), extra, batch.noneGenerated());
    }

    /// What a call cancelled by the client answers when the engine hasn't wound down yet: every image
    /// `cancelled` (any that still finishes is saved in the library).
    static BatchResult cancelled(ImageRequest request, String reason) {
        String why = "Cancelled: " + (reason == null ? "cancelled by the client" : reason) + ". An image that still "
                + "finishes is saved in the library (search_images finds it).";
        return new BatchResult(IntStream.range(0, request.count()).<ImageResult>mapToObj(i ->
                new ImageResult.Failed(i, ErrorType.CANCELLED, why, request.prompt(), List.of(), 0)).toList(), 0);
    }

    private static McpSchema.ResourceLink link(ImageResult.Generated g) {
        Path path = g.savedPath();
        Long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            size = null;
        }
        return McpSchema.ResourceLink.builder().name(path.getFileName().toString()).title("Image " + g.id())
                .uri(path.toUri().toString()).mimeType("image/png").size(size)
                .description(g.promptOriginal()).build();
    }
}
