package io.quotacanvas.library;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ImageData;
import io.quotacanvas.core.ProviderId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/// Large real libraries for benchmarks: PNG files carrying the library's own metadata chunks, written
/// straight to a library folder (no fsync per file), so that opening a [Library] there builds the real
/// SQLite index from them.
public final class LibraryFixtures {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final ProviderId[] PROVIDERS = {ProviderId.GITEE, ProviderId.MODELSCOPE, ProviderId.HUGGINGFACE,
            ProviderId.A4F};
    private static final String[] MODELS = {"z-image-turbo", "qwen-image", "flux-1-schnell", "flux-2"};
    private static final String[] RATIOS = {"1:1", "16:9", "9:16", "4:3"};

    private LibraryFixtures() {
    }

    /// Writes `count` images into `root`, one every 37 seconds back from `newest`, with varied providers,
    /// models, seeds, ratios and two-attempt chains; returns how many were written.
    public static int fill(Path root, int count, Instant newest) {
        try {
            for (int i = 0; i < count; i++) {
                Instant at = newest.minusSeconds(37L * i);
                String id = ID_TIME.format(at) + "-" + "%06d".formatted(i);
                Path file = root.resolve(id.substring(0, 4)).resolve(id.substring(4, 6)).resolve(id + ".png");
                Files.createDirectories(file.getParent());
                ImageData png = TestImages.png(32 + (i % 4) * 8, 32);
                Files.write(file, PngEncoding.withMetadata(png, metadata(i, at)));
            }
            return count;
        } catch (IOException | LibraryException e) {
            throw new IllegalStateException("could not write the library", e instanceof IOException io
                    ? new UncheckedIOException(io) : e);
        }
    }

    private static ImageMetadata metadata(int i, Instant at) {
        ProviderId provider = PROVIDERS[i % PROVIDERS.length];
        String model = MODELS[(i / 3) % MODELS.length];
        String prompt = "picture " + i + " of a lighthouse on a cliff at dusk, watercolour, wide angle";
        List<AttemptRecord> chain = List.of(
                new AttemptRecord(AttemptStep.GENERATE, provider, model, provider.labelPrefix() + "#1 …0001",
                        AttemptOutcome.QUOTA_EXHAUSTED, 429, "quota used up", 120, at.plusSeconds(3600)),
                new AttemptRecord(AttemptStep.GENERATE, provider, model, provider.labelPrefix() + "#2 …0002",
                        AttemptOutcome.SUCCESS, 200, null, 2400, null));
        return new ImageMetadata(prompt, prompt + ", highly detailed", provider, model, model, 1000L + i, 9, null,
                RATIOS[i % RATIOS.length], 1024, 1024, at, null, chain, i % 8 == 0 ? "batch-fixture-" + (i / 8) : null);
    }
}
