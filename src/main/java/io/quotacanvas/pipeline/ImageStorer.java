package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ErrorType;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.library.ImageMetadata;
import io.quotacanvas.library.Library;
import io.quotacanvas.library.LibraryException;
import io.quotacanvas.library.StoredImage;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
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
    private final String runId;

    /// `runId` (null: none) goes into every image's metadata.
    ImageStorer(Library library, Clock clock, OutputPaths output, String runId) {
        this.library = library;
        this.clock = clock;
        this.output = output;
        this.runId = runId;
    }

    /// What was made and how: everything the library's metadata and the result need.
    record Made(int index, ImageRequest request, ProviderId provider, ModelCandidate model,
                GenerationSettings settings, Outcome.Success success, List<AttemptRecord> chain, long elapsedMs) {}

    ImageResult store(Made m) {
        StoredImage stored;
        try {
            stored = library.save(m.success().image(), metadata(m));
        } catch (LibraryException e) {
            return failed(m, e.getMessage() + rescue(m.success(), m.index()));
        }
        List<Path> extra = new ArrayList<>();
        Path target = output.pathFor(m.index(), stored.id());
        if (target != null) {
            try {
                extra.add(library.exportCopy(stored, target));
            } catch (LibraryException e) {
                return failed(m, e.getMessage() + " The image is safe in the library at " + stored.path() + ".");
            }
        }
        String url = m.success().remoteUrl() != null ? m.success().remoteUrl() : stored.path().toUri().toString();
        return new ImageResult.Generated(m.index(), stored.id(), url, m.provider(), m.model().canonical(),
                m.request().prompt(), m.settings().prompt(), m.settings(), stored.path(), List.copyOf(extra),
                m.success().image().width(), m.success().image().height(), m.chain(), m.elapsedMs());
    }

    /// Keeps an image that came after its job was decided (a hedge that lost the race): it cost quota, so it
    /// goes to the library like any other; nothing else is done with it. Returns where it went, or a note.
    String keep(Made m) {
        try {
            return library.save(m.success().image(), metadata(m)).path().toString();
        } catch (LibraryException e) {
            return e.getMessage() + rescue(m.success(), m.index());
        }
    }

    private ImageMetadata metadata(Made m) {
        return new ImageMetadata(m.request().prompt(), m.settings().prompt(), m.provider(), m.model().canonical(),
                m.model().providerModel(), m.settings().seed(), m.settings().steps(), m.settings().guidanceScale(),
                m.settings().aspectRatio().label(), m.success().image().width(), m.success().image().height(),
                clock.instant(), m.success().remoteUrl(), m.chain()).withRunId(runId);
    }

    private static ImageResult failed(Made m, String message) {
        return new ImageResult.Failed(m.index(), ErrorType.STORAGE_ERROR, message, m.request().prompt(), m.chain(),
                m.elapsedMs());
    }

    /// Writes the image to the temp folder (when the library can't take it); says where, for the message.
    String rescue(Made m) {
        return rescue(m.success(), m.index());
    }

    private static String rescue(Outcome.Success success, int index) {
        try {
            // deliberately not AtomicFiles: createTempFile picks a fresh unique name in the temp folder, which
            // nothing reads until this message names it, and a rescue should have the fewest moving parts
            Path file = Files.createTempFile("quota-canvas-rescued-" + index + "-", "." + success.image().format());
            Files.write(file, success.image().bytes());
            return " The image was saved to " + file + " instead.";
        } catch (IOException | RuntimeException e) {
            return " The image could not be rescued either (" + e.getMessage() + ").";
        }
    }
}
