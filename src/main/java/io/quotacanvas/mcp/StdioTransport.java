package io.quotacanvas.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;

/// MCP over stdio: one newline-delimited JSON-RPC message per line on `in` and `out`, and nothing else ever
/// on `out`.
///
/// Unlike the SDK's stdio transport it tells each request's handler its JSON-RPC id (through the
/// [McpTransportContext] under [#REQUEST_ID]) and acts on `notifications/cancelled` (the SDK has no
/// cancellation): the id is handed to [LiveCalls], which cancels that call's work. A line that isn't
/// JSON-RPC is logged and skipped, so one bad line can't end the session. Thread-safe.
final class StdioTransport implements McpServerTransportProvider {
    /// The transport-context key of the JSON-RPC id of the request being handled.
    static final String REQUEST_ID = "quota-canvas.request-id";
    private static final Logger LOG = Logger.getLogger(StdioTransport.class.getName());
    private static final String CANCELLED = "notifications/cancelled";

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final LiveCalls calls;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile McpServerSession session;
    private volatile boolean closing;

    StdioTransport(McpJsonMapper json, InputStream in, OutputStream out, LiveCalls calls) {
        this.json = json;
        this.in = in;
        this.out = out;
        this.calls = calls;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new Channel());
        Thread.ofPlatform().name("mcp-stdin").daemon().start(this::readLoop);
    }

    /// Blocks until the client closes stdin (or the server is closed).
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    private void readLoop() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!closing && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "stdin closed", e);
        } finally {
            closing = true;
            closed.countDown();
        }
    }

    private void dispatch(String line) {
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
            LOG.warning("ignored a line that is not JSON-RPC: " + e.getMessage());
            return;
        }
        if (message instanceof McpSchema.JSONRPCNotification n && CANCELLED.equals(n.method())) {
            cancel(n.params());
            return;
        }
        Mono<Void> handling = session.handle(message);
        if (message instanceof McpSchema.JSONRPCRequest r && r.id() != null) {
            McpTransportContext context = McpTransportContext.create(Map.of(REQUEST_ID, r.id()));
            handling = handling.contextWrite(c -> c.put(McpTransportContext.KEY, context));
        }
        handling.subscribe(null, e -> LOG.log(Level.WARNING, "an MCP message failed", e));
    }

    private void cancel(Object params) {
        if (params instanceof Map<?, ?> p && p.get("requestId") != null) {
            Object reason = p.get("reason");
            calls.cancel(p.get("requestId"), reason == null ? "cancelled by the client" : reason.toString());
        }
    }

    private void write(McpSchema.JSONRPCMessage message) throws IOException {
        // Jackson escapes control characters, so a message is always one line
        byte[] bytes = json.writeValueAsBytes(message);
        synchronized (out) {
            out.write(bytes);
            out.write('\n');
            out.flush();
        }
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public void close() {
        closing = true;
        closed.countDown();
    }

    /// The session's side of the stream.
    private final class Channel implements McpServerTransport {
        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                try {
                    write(message);
                } catch (IOException e) {
                    // the client went away: nothing left to tell it
                    closing = true;
                    closed.countDown();
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return json.convertValue(data, type);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
