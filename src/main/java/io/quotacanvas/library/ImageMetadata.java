package io.quotacanvas.library;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.List;

/// What the library stores with every image (in the PNG itself and in the index). Never holds a token:
/// attempts carry masked labels only.
///
/// `guidanceScale` may be null; `remoteUrl` is the provider's URL or null; `runId` names the studio run
/// (a batch, a comparison) the image belongs to, or is null (images made elsewhere, and older files).
public record ImageMetadata(String promptOriginal, String promptFinal, ProviderId provider, String model,
                            String providerModel, long seed, int steps, Double guidanceScale, String aspectRatio,
                            int width, int height, Instant createdAt, String remoteUrl,
                            List<AttemptRecord> attempts, String runId) {

    /// Metadata of an image that belongs to no run.
    public ImageMetadata(String promptOriginal, String promptFinal, ProviderId provider, String model,
                         String providerModel, long seed, int steps, Double guidanceScale, String aspectRatio,
                         int width, int height, Instant createdAt, String remoteUrl, List<AttemptRecord> attempts) {
        this(promptOriginal, promptFinal, provider, model, providerModel, seed, steps, guidanceScale, aspectRatio,
                width, height, createdAt, remoteUrl, attempts, null);
    }

    /// The same metadata, in run `id` (null: in none).
    public ImageMetadata withRunId(String id) {
        return new ImageMetadata(promptOriginal, promptFinal, provider, model, providerModel, seed, steps,
                guidanceScale, aspectRatio, width, height, createdAt, remoteUrl, attempts, id);
    }
}
