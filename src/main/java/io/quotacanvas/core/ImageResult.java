package io.quotacanvas.core;

import java.nio.file.Path;
import java.util.List;

/// The end of one image's journey: generated and stored, or failed with the reason and the chain.
public sealed interface ImageResult {

    /// Index of the image in its batch (0-based).
    int index();

    List<AttemptRecord> attempts();

    long elapsedMs();

    /// A stored image. `url` is the provider's URL when it gave one, else a `file:` URI of `savedPath`.
    record Generated(int index, String id, String url, ProviderId provider, String model, String promptOriginal,
                     String promptFinal, GenerationSettings settings, Path savedPath, List<Path> extraPaths,
                     int width, int height, List<AttemptRecord> attempts, long elapsedMs) implements ImageResult {}

    /// No image, and why.
    record Failed(int index, ErrorType errorType, String error, String promptOriginal, List<AttemptRecord> attempts,
                  long elapsedMs) implements ImageResult {}
}
