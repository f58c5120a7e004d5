package io.quotacanvas.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.BatchResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/// The `--json` contract byte for byte: agents parse these documents, so a refactoring of the types behind
/// them must not move a field, rename a value or change a number's form. To accept an intended change, run
/// with `-Dgolden.update=true` and review the diff of `src/test/resources/golden/`.
class JsonPayloadsGoldenTest {
    private static final Instant COOL = Instant.parse("2026-12-01T16:00:00Z");

    static final List<AttemptRecord> CHAIN = List.of(
            new AttemptRecord(AttemptStep.TRANSLATE, ProviderId.GITEE, "DeepSeek-V3.2", "gitee#1 …en-1", AttemptOutcome.SUCCESS, 200, "ok",
                    412, null),
            new AttemptRecord(AttemptStep.SKIP, ProviderId.MODELSCOPE, "z-image-turbo", null, AttemptOutcome.SKIPPED, 0,
                    "no tokens configured", 0, null),
            new AttemptRecord(AttemptStep.GENERATE, ProviderId.GITEE, "z-image-turbo", "gitee#1 …en-1", AttemptOutcome.QUOTA_EXHAUSTED, 429,
                    "daily quota used up", 130, COOL),
            new AttemptRecord(AttemptStep.GENERATE, ProviderId.A4F, "z-image-turbo", "a4f#2 …en-2", AttemptOutcome.TIMEOUT, 0,
                    "api.a4f.co:443 did not answer in time", 60_000, null),
            new AttemptRecord(AttemptStep.GENERATE, ProviderId.HUGGINGFACE, "z-image-turbo", "huggingface (anonymous)",
                    AttemptOutcome.SUCCESS, 200, "ok", 5_021, null));

    static ImageResult.Generated generated(int index) {
        return new ImageResult.Generated(index, "20261130-101500-abcd", "https://img.example.test/a.png",
                ProviderId.HUGGINGFACE, "z-image-turbo", "一只狐狸", "a red fox in snow",
                new GenerationSettings("a red fox in snow", AspectRatio.fromLabel("16:9").orElseThrow(),
                        AspectRatio.fromLabel("16:9").orElseThrow().size(false, 2.0), 42 + index, 9, null, false),
                Path.of("/lib/2026/11/20261130-101500-abcd.png"), List.of(Path.of("/out/fox-1.png")), 1024, 576,
                CHAIN, 5_600);
    }

    static ImageResult.Failed failed(int index) {
        return new ImageResult.Failed(index, ErrorType.QUOTA_EXHAUSTED, "Every usable token is cooling or invalid.", "fox",
                CHAIN.subList(1, 3), 140);
    }

    @Test
    void aSingleImage() throws IOException {
        assertGolden("single-success.json", JsonPayloads.forBatch(new BatchResult(List.of(generated(0)), 5_700), true));
    }

    @Test
    void aFailedImage() throws IOException {
        assertGolden("single-failure.json", JsonPayloads.forBatch(new BatchResult(List.of(failed(0)), 150), true));
    }

    @Test
    void aBatch() throws IOException {
        assertGolden("batch.json", JsonPayloads.forBatch(new BatchResult(List.of(generated(0), failed(1)), 6_000),
                false));
    }

    @Test
    void anErrorWithDetails() throws IOException {
        assertGolden("config-error.json", JsonPayloads.error(ErrorType.CONFIG_ERROR, "The config has 1 problem; nothing was "
                + "changed.", Map.of("problems", List.of("config.yaml:3: unknown key 'routng'"))));
    }

    private static void assertGolden(String name, Object payload) throws IOException {
        String actual = JsonPayloads.write(payload) + "\n";
        Path source = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(source, actual);
        }
        try (InputStream in = JsonPayloadsGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            String expected = in == null ? "(missing golden file " + name + ")"
                    : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(expected, actual, name);
        }
    }
}
