package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ErrorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.databind.json.JsonMapper;

/// Building blocks shared by the tools: the tool declaration, results with structured content and the same
/// data as JSON text (for clients that show only text), and errors in the contract's shape.
final class ToolResults {
    private static final Logger LOG = Logger.getLogger(ToolResults.class.getName());
    private static final JsonMapper JSON = JsonMapper.shared();

    /// A tool's work: may refuse the call with a [ToolError].
    @FunctionalInterface
    interface Handler {
        CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError;
    }

    private ToolResults() {
    }

    /// The tool `name` with its schemas from [Schemas]; a [ToolError] or a bug becomes an error result.
    static SyncToolSpecification tool(String name, String title, String description, boolean readOnly,
                                      Handler handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(Schemas.input(name)).outputSchema(Schemas.output(name))
                .annotations(new McpSchema.ToolAnnotations(title, readOnly, false, readOnly, !readOnly, null))
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                return handler.call(exchange, request);
            } catch (ToolError e) {
                return error(e.type(), e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "tool " + name + " failed", e);
                return error(ErrorType.INTERNAL_ERROR, "Internal error (" + e.getClass().getSimpleName() + "): "
                        + e.getMessage() + ". Please report it; details are in the log.");
            }
        }).build();
    }

    /// `{error_type, error, fallback_chain: []}` with `isError: true`.
    static CallToolResult error(ErrorType type, String message) {
        return result(JsonPayloads.error(type, message, Map.of()), type.wireName() + ": " + message, List.of(), true);
    }

    /// A result whose text leads with `summary`, then `payload` as JSON, then `extra` blocks (previews, links).
    static CallToolResult result(Map<String, Object> payload, String summary, List<McpSchema.Content> extra,
                                 boolean isError) {
        List<McpSchema.Content> content = new ArrayList<>();
        content.add(new McpSchema.TextContent(summary));
        content.add(new McpSchema.TextContent(JSON.writeValueAsString(payload)));
        content.addAll(extra);
        return CallToolResult.builder().content(content).structuredContent(payload).isError(isError).build();
    }
}
