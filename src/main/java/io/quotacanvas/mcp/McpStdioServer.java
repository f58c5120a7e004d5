package io.quotacanvas.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.quotacanvas.QuotaCanvas;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/// `quota-canvas mcp`: a Model Context Protocol server on stdio over the same engine, library and ledger as
/// the command line and the studio. Tools: `generate_image`, `search_images`, `get_image`, `quota_status`,
/// `list_models`.
///
/// `out` is the protocol channel and nothing else is ever written to it: while serving, `System.out` is
/// pointed at stderr, so a stray print can't corrupt the stream. Logs go to the log file.
public final class McpStdioServer {
    private static final String INSTRUCTIONS = """
            Quota Canvas makes images from text on free provider quotas. Call generate_image with a prompt; \
            it falls back across providers, models and tokens by itself, so retrying a failed call by hand is \
            rarely useful (read error_type and fallback_chain instead). Every image is saved in the user's \
            library: search_images and get_image find earlier ones, also images that finished after a call was \
            given up. quota_status and list_models say what can still be generated today.""";

    private static final long WIND_DOWN_MS = 5_000;

    private McpStdioServer() {
    }

    /// Serves until the client closes `in`; returns the exit code (0). Cancels work still running then.
    public static int serve(QuotaCanvas app, InputStream in, OutputStream out, String version)
            throws InterruptedException {
        java.io.PrintStream stdout = System.out;
        System.setOut(System.err);
        LiveCalls calls = new LiveCalls();
        McpJsonMapper json = new JacksonMcpJsonMapper(JsonMapper.shared());
        StdioTransport transport = new StdioTransport(json, in, out, calls);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(new McpSchema.Implementation("quota-canvas", "Quota Canvas", version))
                .instructions(INSTRUCTIONS)
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(JsonMapper.shared()))
                // our own checks name the argument and the bad value; the validator's messages don't
                .validateToolInputs(false)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools(app, calls))
                .build();
        try {
            transport.awaitClosed();
            // the client closed stdin: stop the live requests, let the calls wind down (what is already made is
            // still saved), then let the caller close the ledger and the library
            calls.cancelAll("the client disconnected");
            calls.awaitIdle(WIND_DOWN_MS);
        } finally {
            server.close();
            System.setOut(stdout);
        }
        return 0;
    }

    static List<SyncToolSpecification> tools(QuotaCanvas app, LiveCalls calls) {
        List<SyncToolSpecification> tools = new ArrayList<>();
        tools.add(new GenerateImageTool(app.engine(), app.config(), calls).spec());
        tools.addAll(new LibraryTools(app.library()).specs());
        tools.addAll(new StatusTools(app.quotaStatus(), app.config()).specs());
        return tools;
    }
}
