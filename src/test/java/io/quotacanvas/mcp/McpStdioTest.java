package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The server as a client sees the raw stream: JSON-RPC lines written by hand into its stdin, and every
/// line it writes to stdout is a JSON-RPC message (nothing else ever is). A line that isn't JSON doesn't
/// end the session; closing stdin ends the process with exit code 0.
class McpStdioTest {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path home;

    @Test
    void stdoutCarriesOnlyJsonRpcAndClosingStdinEndsTheServer() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE)) {
            Files.writeString(home.resolve("config.yaml"), "providers:\n  gitee:\n    base_url: " + gitee.baseUrl()
                    + "\nrouting:\n  provider_order: [gitee]\n");
            List<String> cmd = new ArrayList<>(List.of(McpClientHarness.javaCommand()));
            cmd.addAll(McpClientHarness.childArgs("mcp"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(home.resolve("stderr.txt").toFile());
            pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
            pb.environment().put("QUOTA_CANVAS_VAULT", "file");
            pb.environment().put("QUOTA_CANVAS_GITEE_TOKENS", "CANARY-raw-token-0001");
            Process server = pb.start();
            List<String> lines = new ArrayList<>();
            try (OutputStream in = server.getOutputStream(); BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                send(in, """
                        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
                        "capabilities":{},"clientInfo":{"name":"by-hand","version":"1"}}}""");
                send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                send(in, "this line is not JSON");
                send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
                send(in, """
                        {"jsonrpc":"2.0","id":"three","method":"tools/call","params":{"name":"generate_image",\
                        "arguments":{"prompt":"a paper crane","optimize_prompt":false},"_meta":{"progressToken":7}}}""");
                Set<Object> answered = new HashSet<>();
                while (answered.size() < 3) {
                    String line = out.readLine();
                    assertTrue(line != null, "the server ended early; stdout so far: " + lines);
                    lines.add(line);
                    JsonNode message = JSON.readTree(line);
                    assertEquals("2.0", message.path("jsonrpc").asString(), line);
                    if (message.has("id")) {
                        answered.add(message.get("id").asString());
                    }
                }
                assertEquals(Set.of("1", "2", "three"), answered);
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "closing stdin ends the server");
            assertEquals(0, server.exitValue());
            String all = String.join("\n", lines) + Files.readString(home.resolve("stderr.txt"));
            assertFalse(all.contains("CANARY-"), all);
            JsonNode result = JSON.readTree(lines.stream().filter(l -> l.contains("\"id\":\"three\"")).findFirst()
                    .orElseThrow()).get("result");
            assertFalse(result.path("isError").asBoolean(), result.toString());
            assertEquals("gitee", result.path("structuredContent").path("provider").asString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("notifications/progress") && l.contains("\"progressToken\":7")));
        }
    }

    private static void send(OutputStream in, String line) throws java.io.IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
