package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.FakeImagesServer.Flavor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// LLM calls spent on prompt work, printed: run with `mvn -B -o -Pbench verify -Dtest='PromptBenchmark'`.
/// Production wiring (composition root, engine, adapters, ledger, prompt cache) against loopback servers:
/// Gitee draws, A4F's chat endpoint optimises.
class PromptBenchmark {

    @TempDir
    Path home;

    @Test
    void llmCallsForABatchOfEightWithOptimisationOn() throws Exception {
        try (FakeImagesServer gitee = new FakeImagesServer(Flavor.GITEE); FakeChatServer chat = new FakeChatServer();
             QuotaCanvas app = open(gitee, chat)) {
            BatchResult first = app.engine().run(request("a lighthouse in a storm", 8), OutputPaths.NONE, null,
                    new CallScope());
            int afterFirst = chat.chats().size();
            BatchResult repeat = app.engine().run(request("a lighthouse in a storm", 8), OutputPaths.NONE, null,
                    new CallScope());
            int afterRepeat = chat.chats().size();
            for (int i = 0; i < 8; i++) {
                app.engine().run(request("single image " + i, 1), OutputPaths.NONE, null, new CallScope());
            }
            int distinct = chat.chats().size() - afterRepeat;

            assertEquals(8, first.generatedCount());
            assertEquals(8, repeat.generatedCount());
            String finalPrompt = ((ImageResult.Generated) first.images().getFirst()).promptFinal();
            print("batch of 8, optimisation on: %d LLM call(s) (goal 1), batch wall %d ms; prompt_final \"%s\""
                    .formatted(afterFirst, first.elapsedMs(), finalPrompt));
            print("same batch repeated: %d LLM call(s) (expected 0, prompt cache), batch wall %d ms"
                    .formatted(afterRepeat - afterFirst, repeat.elapsedMs()));
            print("8 single-image runs with 8 different prompts: %d LLM call(s) (one per distinct prompt)"
                    .formatted(distinct));
        }
    }

    private QuotaCanvas open(FakeImagesServer gitee, FakeChatServer chat) throws Exception {
        Path config = Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee, a4f]
                  max_parallel: 8
                providers:
                  gitee:
                    base_url: %s
                    text_model: null
                    timeouts: {connect: 1s, read: 2s, overall: 3s}
                  a4f:
                    base_url: %s
                    timeouts: {connect: 1s, read: 2s, overall: 3s}
                """.formatted(gitee.baseUrl(), chat.baseUrl()));
        return QuotaCanvas.open(config, Map.of("QUOTA_CANVAS_HOME", home.toString(),
                "QUOTA_CANVAS_GITEE_TOKENS", "g1,g2,g3,g4", "QUOTA_CANVAS_A4F_TOKENS", "a1"), Clock.systemUTC());
    }

    private static ImageRequest request(String prompt, int count) {
        return ImageRequest.of(prompt).withOptimizePrompt(true).withCount(count).withSeed(1L);
    }

    private static void print(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
