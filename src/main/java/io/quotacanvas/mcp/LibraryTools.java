package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.LibraryQuery;
import io.quotacanvas.library.StoredImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// `search_images` and `get_image`: the library the studio shows (the command line's and the studio's
/// images alike), read-only.
final class LibraryTools {
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final Library library;

    LibraryTools(Library library) {
        this.library = library;
    }

    List<SyncToolSpecification> specs() {
        return List.of(
                ToolResults.tool("search_images", "Search images", """
                        Searches the user's image library (every image Quota Canvas made, newest first) by words of \
                        the prompt, provider, model or favourites. Returns ids, prompts, sizes and file paths.""",
                        true, this::search),
                ToolResults.tool("get_image", "Get image", """
                        One image of the library by id: its prompts, settings, provider, model, fallback chain and \
                        file path, with a preview.""", true, this::get));
    }

    private CallToolResult search(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError {
        Args args = new Args(request.arguments(), List.of("query", "provider", "model", "favourites", "limit", "offset"));
        String providerName = args.string("provider");
        ProviderId provider = providerName == null ? null : ProviderId.fromWireName(providerName).orElseThrow(() ->
                Args.bad("provider", providerName, "use huggingface, gitee, modelscope, a4f or openai_compatible"));
        Long limit = args.whole("limit", 1, MAX_LIMIT);
        Long offset = args.whole("offset", 0, Integer.MAX_VALUE);
        LibraryQuery query = new LibraryQuery(args.string("query"), Boolean.TRUE.equals(args.bool("favourites")),
                provider, args.string("model"), offset == null ? 0 : offset.intValue(),
                limit == null ? DEFAULT_LIMIT : limit.intValue());
        try {
            List<StoredImage> images = library.list(query);
            int total = library.count(query);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("total", total);
            payload.put("offset", query.offset());
            payload.put("images", images.stream().map(LibraryTools::summary).toList());
            String text = total == 0 ? "No image matches." : "Showing " + images.size() + " of " + total
                    + " matching images, newest first.";
            return ToolResults.result(payload, text, List.of(), false);
        } catch (LibraryException e) {
            throw new ToolError(ErrorType.STORAGE_ERROR, e.getMessage());
        }
    }

    private CallToolResult get(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError {
        String id = new Args(request.arguments(), List.of("id")).requiredString("id").strip();
        StoredImage image;
        try {
            image = library.find(id).orElseThrow(() -> ToolError.usage("No image in the library has id '" + id
                    + "'; search_images lists the ids."));
        } catch (LibraryException e) {
            throw new ToolError(ErrorType.STORAGE_ERROR, e.getMessage());
        }
        Map<String, Object> payload = details(image);
        List<McpSchema.Content> extra = new ArrayList<>();
        Previews.of(image.path()).ifPresent(extra::add);
        extra.add(McpSchema.ResourceLink.builder().name(image.path().getFileName().toString()).title("Image " + id)
                .uri(image.path().toUri().toString()).mimeType("image/png").build());
        return ToolResults.result(payload, image.metadata().promptOriginal() + " — " + image.path(), extra, false);
    }

    private static Map<String, Object> summary(StoredImage s) {
        ImageMetadata m = s.metadata();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("prompt", m.promptOriginal() == null ? "" : m.promptOriginal());
        row.put("prompt_final", m.promptFinal());
        row.put("provider", m.provider() == null ? null : m.provider().wireName());
        row.put("model", m.model());
        row.put("seed", m.seed());
        row.put("aspect_ratio", m.aspectRatio());
        row.put("width", m.width());
        row.put("height", m.height());
        row.put("created", m.createdAt() == null ? null : m.createdAt().toString());
        row.put("path", s.path().toString());
        row.put("favourite", s.favourite());
        return row;
    }

    private static Map<String, Object> details(StoredImage s) {
        ImageMetadata m = s.metadata();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.id());
        d.put("path", s.path().toString());
        d.put("favourite", s.favourite());
        d.put("prompt_original", m.promptOriginal() == null ? "" : m.promptOriginal());
        d.put("prompt_final", m.promptFinal());
        d.put("provider", m.provider() == null ? null : m.provider().wireName());
        d.put("model", m.model());
        d.put("provider_model", m.providerModel());
        d.put("seed", m.seed());
        d.put("steps", m.steps());
        d.put("guidance_scale", m.guidanceScale());
        d.put("aspect_ratio", m.aspectRatio());
        d.put("width", m.width());
        d.put("height", m.height());
        d.put("created", m.createdAt() == null ? null : m.createdAt().toString());
        d.put("url", m.remoteUrl());
        d.put("fallback_chain", m.attempts() == null ? List.of()
                : m.attempts().stream().map(AttemptRecord::chainEntry).toList());
        return d;
    }
}
