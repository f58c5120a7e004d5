package io.quotacanvas.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.quotacanvas.testing.NoInternet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/// The SDK's own client driving the real server: `io.quotacanvas.Main mcp` in a child JVM on the test
/// class path, over stdio. Every message both ways and every stderr line is kept in [#traffic], so tests
/// can check what a client receives (a canary token must be in none of it).
final class McpClientHarness implements AutoCloseable {
    static final McpJsonMapper JSON = new JacksonMcpJsonMapper(JsonMapper.shared());

    final List<String> traffic = Collections.synchronizedList(new ArrayList<>());
    final List<McpSchema.ProgressNotification> progress = Collections.synchronizedList(new ArrayList<>());
    final Recording transport;
    final McpSyncClient client;

    McpClientHarness(Map<String, String> env, String... serverArgs) {
        ServerParameters params = ServerParameters.builder(javaCommand()).args(childArgs(serverArgs)).env(env).build();
        StdioClientTransport stdio = new StdioClientTransport(params, JSON);
        stdio.setStdErrorHandler(line -> traffic.add("stderr " + line));
        transport = new Recording(stdio, traffic);
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).progressConsumer(progress::add)
                .enableCallToolSchemaCaching(true).build();
        client.initialize();
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /// JVM flags, the test class path and `io.quotacanvas.Main`, then `serverArgs`.
    static List<String> childArgs(String... serverArgs) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Xshare:auto",
                "-XX:TieredStopAtLevel=1"));
        args.addAll(NoInternet.jvmArgs());
        args.addAll(List.of("-cp", classpath, "io.quotacanvas.Main"));
        args.addAll(List.of(serverArgs));
        return args;
    }

    /// The JSON-RPC id of the last `tools/call` request sent.
    Object lastToolCallId() {
        return transport.lastToolCall;
    }

    void cancel(Object requestId, String reason) {
        transport.sendMessage(new McpSchema.JSONRPCNotification(McpSchema.JSONRPC_VERSION, "notifications/cancelled",
                Map.of("requestId", requestId, "reason", reason))).block(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

    /// A transport that records every message, both ways.
    static final class Recording implements McpClientTransport {
        private final McpClientTransport delegate;
        private final List<String> traffic;
        volatile Object lastToolCall;

        Recording(McpClientTransport delegate, List<String> traffic) {
            this.delegate = delegate;
            this.traffic = traffic;
        }

        @Override
        public Mono<Void> connect(Function<Mono<McpSchema.JSONRPCMessage>, Mono<McpSchema.JSONRPCMessage>> handler) {
            return delegate.connect(in -> handler.apply(in.doOnNext(m -> traffic.add("in " + text(m)))));
        }

        @Override
        public Mono<Void> sendMessage(McpSchema.JSONRPCMessage message) {
            if (message instanceof McpSchema.JSONRPCRequest r && McpSchema.METHOD_TOOLS_CALL.equals(r.method())) {
                lastToolCall = r.id();
            }
            traffic.add("out " + text(message));
            return delegate.sendMessage(message);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return delegate.closeGracefully();
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
            return delegate.unmarshalFrom(data, type);
        }

        private static String text(McpSchema.JSONRPCMessage m) {
            try {
                return JSON.writeValueAsString(m);
            } catch (java.io.IOException e) {
                return String.valueOf(m);
            }
        }
    }
}
