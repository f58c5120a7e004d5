package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.FakeImagesServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Closing the engine (the gateway or MCP server winding down, the studio exiting) answers every run still
/// waiting, instead of leaving its caller blocked for good.
class EngineCloseTest {
    @TempDir
    Path home;

    @Test
    void closingTheEngineEndsTheRunsInFlightAsCancelled() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE)
                .defaultReply(FakeImagesServer.Reply.HANG)) {
            Path config = Files.writeString(home.resolve("config.yaml"), """
                    routing:
                      provider_order: [gitee]
                    providers:
                      gitee:
                        base_url: %s
                        timeouts: {connect: 2s, read: 60s, overall: 60s}
                    """.formatted(gitee.baseUrl()));
            QuotaCanvas app = QuotaCanvas.open(config, Map.of("QUOTA_CANVAS_HOME", home.toString(),
                    "QUOTA_CANVAS_GITEE_TOKENS", "gitee-token-one"), Clock.systemUTC());
            CompletableFuture<BatchResult> run = CompletableFuture.supplyAsync(() -> app.engine().run(
                    ImageRequest.of("a fox").withOptimizePrompt(false).withCount(2), OutputPaths.NONE, null,
                    new CallScope()));
            while (gitee.generationRequests().isEmpty()) {
                Thread.sleep(20);
            }

            app.close();

            BatchResult batch = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run.get());
            for (ImageResult r : batch.images()) {
                assertEquals(ErrorType.CANCELLED, ((ImageResult.Failed) r).errorType());
            }
        }
    }
}
