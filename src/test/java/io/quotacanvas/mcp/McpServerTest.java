package io.quotacanvas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import io.quotacanvas.testing.HangingServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/// The real MCP server (`quota-canvas mcp` in a child JVM) driven by the SDK's client over stdio, against
/// loopback providers: Gitee speaks its real wire protocol, A4F never answers. Tokens are canaries that
/// must never reach the client.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpServerTest {
    private static final tools.jackson.databind.json.JsonMapper TRAFFIC =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private static final String CANARY = "CANARY-";
    private static final List<String> CONTRACT_FIELDS = List.of("id", "url", "provider", "model", "prompt_original",
            "prompt_final", "seed", "steps", "guidance_scale", "aspect_ratio", "fallback_chain", "elapsed_ms",
            "saved_path", "width", "height", "attempts", "output_paths");

    @TempDir
    static Path home;

    private FakeImagesServer gitee;
    private HangingServer a4f;
    private McpClientHarness mcp;

    @BeforeAll
    void startServer() throws Exception {
        gitee = new FakeImagesServer(Flavor.GITEE);
        gitee.script("CANARY-gitee-token-0001", Reply.QUOTA);
        a4f = new HangingServer();
        Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee]
                prompt:
                  optimize: false
                providers:
                  gitee:
                    base_url: %s
                    timeouts: {connect: 5s, read: 20s, overall: 30s}
                  a4f:
                    base_url: %s
                    timeouts: {connect: 5s, read: 120s, overall: 300s}
                """.formatted(gitee.baseUrl(), a4f.baseUrl()));
        mcp = new McpClientHarness(Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file",
                "T2I_PEINTURE_GITEE_TOKENS", "CANARY-gitee-token-0001,CANARY-gitee-token-0002",
                "T2I_PEINTURE_A4F_TOKENS", "CANARY-a4f-token-0003"), "mcp");
    }

    @AfterAll
    void stopServer() throws Exception {
        mcp.close();
        gitee.close();
        a4f.close();
        assertFalse(String.join("\n", mcp.traffic).contains(CANARY), "a token reached the client:\n"
                + String.join("\n", mcp.traffic.stream().filter(l -> l.contains(CANARY)).toList()));
        assertTrue(mcp.traffic.size() > 10, "the traffic was recorded");
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return mcp.client.callTool(new CallToolRequest(tool, args));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    void listsTheFiveToolsWithInputAndOutputSchemas() {
        List<McpSchema.Tool> tools = mcp.client.listTools().tools();
        assertEquals(List.of("generate_image", "search_images", "get_image", "quota_status", "list_models"),
                tools.stream().map(McpSchema.Tool::name).toList());
        for (McpSchema.Tool t : tools) {
            assertEquals("object", t.inputSchema().get("type"), t.name());
            assertEquals("object", t.outputSchema().get("type"), t.name());
            assertNotNull(t.description());
        }
        McpSchema.Tool generate = tools.getFirst();
        assertEquals(List.of("prompt"), generate.inputSchema().get("required"));
        assertTrue(((Map<?, ?>) generate.inputSchema().get("properties")).keySet().containsAll(List.of("prompt", "provider", "model",
                "aspect_ratio", "seed", "steps", "guidance_scale", "enable_hd", "optimize_prompt", "auto_translate",
                "count")));
        assertEquals(false, generate.annotations().readOnlyHint());
        assertEquals(true, tools.get(1).annotations().readOnlyHint());
    }

    @Test
    @Order(1) // gitee#1 answers its first request with "quota used up": this call sees the fallback
    void oneImageAnswersWithTheCliPayloadAPreviewALinkAndProgress() throws Exception {
        mcp.progress.clear();
        CallToolResult r = mcp.client.callTool(new CallToolRequest("generate_image",
                Map.of("prompt", "a red fox in snow", "seed", 42), Map.of("progressToken", "fox-1")));

        assertFalse(Boolean.TRUE.equals(r.isError()), String.valueOf(r.content()));
        Map<String, Object> json = structured(r);
        assertEquals(CONTRACT_FIELDS, new ArrayList<>(json.keySet()));
        assertEquals("gitee", json.get("provider"));
        assertEquals(42, ((Number) json.get("seed")).intValue());
        Path saved = Path.of((String) json.get("saved_path"));
        assertTrue(saved.startsWith(home.resolve("library")) && Files.isRegularFile(saved), saved.toString());

        McpSchema.ImageContent preview = r.content().stream().filter(c -> c instanceof McpSchema.ImageContent)
                .map(c -> (McpSchema.ImageContent) c).findFirst().orElseThrow();
        byte[] jpeg = Base64.getDecoder().decode(preview.data());
        assertEquals("image/jpeg", preview.mimeType());
        assertTrue(jpeg.length < 1_000_000);
        assertNotNull(ImageIO.read(new ByteArrayInputStream(jpeg)));
        McpSchema.ResourceLink link = r.content().stream().filter(c -> c instanceof McpSchema.ResourceLink)
                .map(c -> (McpSchema.ResourceLink) c).findFirst().orElseThrow();
        assertEquals(saved, Path.of(URI.create(link.uri())));

        List<String> messages = mcp.progress.stream().filter(p -> "fox-1".equals(p.progressToken()))
                .map(McpSchema.ProgressNotification::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("gitee#1") && m.contains("quota_exhausted")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("trying gitee/z-image-turbo with gitee#2")), messages.toString());
        // in the order they came over stdio (the client SDK may hand them to its consumer on several threads)
        List<Double> values = new ArrayList<>();
        for (String line : List.copyOf(mcp.traffic)) {
            if (line.startsWith("in ") && line.contains("notifications/progress") && line.contains("fox-1")) {
                values.add(TRAFFIC.readTree(line.substring(3)).path("params").path("progress").asDouble());
            }
        }
        assertTrue(values.size() >= 3, values.toString());
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) > values.get(i - 1), "progress must grow: " + values);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchAnswersWithTheBatchPayloadAndOneLinkPerImage() {
        int before = gitee.generationRequests().size();
        CallToolResult r = call("generate_image", Map.of("prompt", "three lighthouses", "count", 3, "seed", 7));

        Map<String, Object> json = structured(r);
        assertEquals(List.of("count", "images", "elapsed_ms", "succeeded"), new ArrayList<>(json.keySet()));
        assertEquals(3, ((Number) json.get("succeeded")).intValue());
        List<Map<String, Object>> images = (List<Map<String, Object>>) json.get("images");
        assertEquals(List.of(7, 8, 9), images.stream().map(i -> ((Number) i.get("seed")).intValue()).toList());
        assertEquals(3, r.content().stream().filter(c -> c instanceof McpSchema.ResourceLink).count());
        assertEquals(3, gitee.generationRequests().size() - before, "one request per image, no more");
    }

    @Test
    void cancellingACallClosesTheLiveRequestAndTheToolAnswersAtOnce() throws Exception {
        CompletableFuture<CallToolResult> call = CompletableFuture.supplyAsync(() ->
                call("generate_image", Map.of("prompt", "a slow one", "provider", "a4f")));
        assertTrue(a4f.awaitRequest(30), "the request reached the provider");
        mcp.cancel(mcp.lastToolCallId(), "the user changed their mind");

        assertTrue(a4f.awaitClosedByClient(10), "the provider saw the call closed");
        CallToolResult r = call.get(10, TimeUnit.SECONDS);
        assertTrue(r.isError());
        assertEquals("cancelled", structured(r).get("error_type"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchFindsGeneratedImagesAndGetReturnsOneWithAPreview() {
        CallToolResult made = call("generate_image", Map.of("prompt", "a teapot made of glass"));
        String id = (String) structured(made).get("id");

        CallToolResult found = call("search_images", Map.of("query", "teapot glass", "limit", 5));
        List<Map<String, Object>> images = (List<Map<String, Object>>) structured(found).get("images");
        assertEquals(List.of(id), images.stream().map(i -> i.get("id")).toList());
        assertEquals("a teapot made of glass", images.getFirst().get("prompt"));

        CallToolResult one = call("get_image", Map.of("id", id));
        assertEquals("gitee", structured(one).get("provider"));
        assertEquals(structured(made).get("saved_path"), structured(one).get("path"));
        assertTrue(one.content().stream().anyMatch(c -> c instanceof McpSchema.ImageContent));

        CallToolResult missing = call("get_image", Map.of("id", "20990101-000000-nope00"));
        assertTrue(missing.isError());
        assertTrue(((String) structured(missing).get("error")).contains("20990101-000000-nope00"));
    }

    @Test
    void badArgumentsNameTheArgumentAndTheValue() {
        for (var bad : List.of(
                Map.<String, Object>of("prompt", "x", "aspect_ratio", "7:5"),
                Map.<String, Object>of("prompt", "x", "count", 17),
                Map.<String, Object>of("prompt", "x", "provider", "midjourney"),
                Map.<String, Object>of("prompt", "x", "colour", "red"),
                Map.<String, Object>of("prompt", "   "))) {
            CallToolResult r = call("generate_image", bad);
            assertTrue(r.isError(), bad.toString());
            Map<String, Object> json = structured(r);
            assertEquals("usage_error", json.get("error_type"));
            assertEquals(List.of(), json.get("fallback_chain"));
            String error = (String) json.get("error");
            String argument = bad.keySet().stream().filter(k -> !k.equals("prompt")).findFirst().orElse("prompt");
            assertTrue(error.contains("'" + argument + "'"), error);
            if (!argument.equals("prompt") && !argument.equals("colour")) {
                assertTrue(error.contains(String.valueOf(bad.get(argument))), error);
            }
        }
    }

    @Test
    void aProviderWithoutTokensIsAClassifiedFailure() {
        CallToolResult r = call("generate_image", Map.of("prompt", "x", "provider", "modelscope"));
        assertTrue(r.isError());
        assertEquals("no_provider", structured(r).get("error_type"));
        assertTrue(structured(r).containsKey("fallback_chain"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void quotaStatusAndModelsDescribeTheProviders() {
        Map<String, Object> status = structured(call("quota_status", Map.of()));
        List<Map<String, Object>> providers = (List<Map<String, Object>>) status.get("providers");
        Map<String, Object> giteeStatus = providers.stream().filter(p -> p.get("provider").equals("gitee")).findFirst()
                .orElseThrow();
        assertEquals(2, ((Number) ((Map<String, Object>) giteeStatus.get("tokens")).get("total")).intValue());

        Map<String, Object> models = structured(call("list_models", Map.of("provider", "gitee")));
        List<Map<String, Object>> only = (List<Map<String, Object>>) models.get("providers");
        assertEquals(1, only.size());
        Map<String, Object> turbo = ((List<Map<String, Object>>) only.getFirst().get("models")).stream()
                .filter(m -> m.get("model").equals("z-image-turbo")).findFirst().orElseThrow();
        assertTrue(turbo.get("provider_model") instanceof String);
        assertEquals(true, turbo.get("available"));
    }
}
