package io.quotacanvas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.Engine;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.provider.CallScope;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/// `generate_image`: the seed skill's contract as a tool. Its structured result is exactly the command
/// line's `--json` payload (made by `contract.JsonPayloads`); its content adds a summary, a preview per image and a
/// link to each saved file. Engine events become progress notifications, and `notifications/cancelled`
/// cancels the call's live requests through its [CallScope]. Images are written to the library only.
final class GenerateImageTool {
    static final String NAME = "generate_image";
    static final int MAX_COUNT = 16;
    private static final List<String> ARGUMENTS = List.of("prompt", "provider", "model", "aspect_ratio", "seed",
            "steps", "guidance_scale", "enable_hd", "optimize_prompt", "auto_translate", "count", "timeout_seconds");

    private final Engine engine;
    private final AppConfig config;
    private final LiveCalls calls;

    GenerateImageTool(Engine engine, AppConfig config, LiveCalls calls) {
        this.engine = engine;
        this.config = config;
        this.calls = calls;
    }

    SyncToolSpecification spec() {
        return ToolResults.tool(NAME, "Generate image", """
                Turns a text prompt into images on free provider quotas (Hugging Face, Gitee AI, ModelScope, A4F, \
                OpenAI-compatible), rotating tokens and falling back across providers and models when a quota is \
                spent or a provider fails. Every image is saved in the user's library; the result gives its id, \
                saved_path, the settings actually used and the fallback chain. Sends progress notifications when \
                asked; a call may take tens of seconds per image.""", false, this::call);
    }

    private CallToolResult call(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) throws ToolError {
        ImageRequest image = toRequest(new Args(request.arguments(), ARGUMENTS));
        Object id = exchange.transportContext().get(StdioTransport.REQUEST_ID);
        Object progressToken = request.meta() == null ? null : request.meta().get("progressToken");
        EngineListener progress = ProgressEvents.forCall(exchange, progressToken, image.count());
        CallScope scope = calls.open(id);
        try {
            BatchResult batch = new CancellableRun(engine, image, progress, scope).await();
            return GenerateResults.of(batch, image.count() == 1);
        } finally {
            calls.close(id);
        }
    }

    private ImageRequest toRequest(Args args) throws ToolError {
        String prompt = args.requiredString("prompt");
        ProviderId provider = provider(args.string("provider"));
        String model = args.string("model");
        if (model != null && model.isBlank()) {
            throw Args.bad("model", model, "must name a model, e.g. " + ImageRequest.DEFAULT_MODEL);
        }
        String ratio = args.string("aspect_ratio");
        AspectRatio aspect = ratio == null ? ImageRequest.DEFAULT_ASPECT_RATIO : AspectRatio.fromLabel(ratio).orElseThrow(() ->
                Args.bad("aspect_ratio", ratio, "use 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3, 4:5 or 5:4"));
        Long seed = args.whole("seed", 0, Long.MAX_VALUE);
        Long steps = args.whole("steps", 1, 200);
        Double guidance = args.number("guidance_scale", 0, 50);
        Long count = args.whole("count", 1, MAX_COUNT);
        Double timeout = args.number("timeout_seconds", 0.001, 86_400);
        Boolean hd = args.bool("enable_hd");
        Boolean optimize = args.bool("optimize_prompt");
        Boolean translate = args.bool("auto_translate");
        return new ImageRequest(prompt.strip(), provider, model != null ? model.strip() : config.routing().defaultModel(),
                aspect, seed, steps == null ? null : steps.intValue(), guidance, Boolean.TRUE.equals(hd),
                optimize != null ? optimize : config.prompt().optimize(),
                translate != null ? translate : config.prompt().autoTranslate(), count == null ? 1 : count.intValue(),
                timeout == null ? ImageRequest.DEFAULT_TIMEOUT : Duration.ofMillis(Math.round(timeout * 1000)));
    }

    private static ProviderId provider(String name) throws ToolError {
        if (name == null || name.equalsIgnoreCase("auto")) {
            return null;
        }
        return ProviderId.fromWireName(name).orElseThrow(() -> Args.bad("provider", name,
                "use auto, huggingface, gitee, modelscope, a4f or openai_compatible"));
    }

    /// The engine on its own virtual thread, so a cancelled call can answer at once while the engine winds
    /// down: anything that still finishes is saved in the library all the same.
    private record CancellableRun(Engine engine, ImageRequest request, EngineListener progress, CallScope scope) {
        private static final long POLL_MS = 20;
        private static final long GRACE_MS = 1_500;

        BatchResult await() {
            CompletableFuture<BatchResult> run = new CompletableFuture<>();
            Thread.ofVirtual().name("mcp-generate").start(() -> {
                try {
                    run.complete(engine.run(request, OutputPaths.NONE, progress, scope));
                } catch (RuntimeException | Error e) {
                    run.completeExceptionally(e);
                }
            });
            long graceEnds = Long.MAX_VALUE;
            while (true) {
                try {
                    return run.get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (scope.isCancelled() && graceEnds == Long.MAX_VALUE) {
                        graceEnds = System.nanoTime() / 1_000_000 + GRACE_MS;
                    }
                    if (System.nanoTime() / 1_000_000 > graceEnds) {
                        return GenerateResults.cancelled(request, scope.cancelReason());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    scope.cancel("the server is stopping");
                    return GenerateResults.cancelled(request, "the server is stopping");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
