package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import io.quotacanvas.pipeline.RoutePlan.ProviderRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/// Stores a generated image in the library (and at `--output` when asked) and builds its result.
/// If the library can't take it, the bytes are rescued to the temp folder so no image is ever lost.
/// Thread-safe.
final class ImageStorer {
    private final Library library;
    private final Clock clock;
    private final OutputPaths output;

    ImageStorer(Library library, Clock clock, OutputPaths output) {
        this.library = library;
        this.clock = clock;
        this.output = output;
    }

    ImageResult store(JobState job, ImageRequest request, ProviderRoute route, ModelCandidate model,
                      GenerationSettings settings, Outcome.Success success, AttemptRecord ok, long elapsedMs) {
        List<AttemptRecord> chain = job.attempts();
        ImageMetadata meta = new ImageMetadata(request.prompt(), settings.prompt(), route.provider(),
                model.canonical(), model.providerModel(), settings.seed(), settings.steps(), settings.guidanceScale(),
                settings.aspectRatio().label(), success.image().width(), success.image().height(), clock.instant(),
                success.remoteUrl(), chain);
        StoredImage stored;
        try {
            stored = library.save(success.image(), meta);
        } catch (LibraryException e) {
            return Failures.failed(job, request, ErrorType.STORAGE_ERROR, e.getMessage() + rescue(success, job.index()),
                    elapsedMs);
        }
        List<Path> extra = new ArrayList<>();
        Path target = output.pathFor(job.index(), stored.id());
        if (target != null) {
            try {
                extra.add(library.exportCopy(stored, target));
            } catch (LibraryException e) {
                return Failures.failed(job, request, ErrorType.STORAGE_ERROR, e.getMessage() + " The image is safe in the "
                        + "library at " + stored.path() + ".", elapsedMs);
            }
        }
        String url = success.remoteUrl() != null ? success.remoteUrl() : stored.path().toUri().toString();
        return new ImageResult.Generated(job.index(), stored.id(), url, route.provider(), model.canonical(),
                request.prompt(), settings.prompt(), settings, stored.path(), List.copyOf(extra),
                success.image().width(), success.image().height(), chain, elapsedMs);
    }

    private static String rescue(Outcome.Success success, int index) {
        try {
            Path file = Files.createTempFile("quota-canvas-rescued-" + index + "-", "." + success.image().format());
            Files.write(file, success.image().bytes());
            return " The image was saved to " + file + " instead.";
        } catch (IOException | RuntimeException e) {
            return " The image could not be rescued either (" + e.getMessage() + ").";
        }
    }
}
