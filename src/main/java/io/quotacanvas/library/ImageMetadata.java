package io.quotacanvas.library;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.List;

/// What the library stores with every image (in the PNG itself and in the index). Never holds a token:
/// attempts carry masked labels only.
///
/// `guidanceScale` may be null; `remoteUrl` is the provider's URL or null.
public record ImageMetadata(String promptOriginal, String promptFinal, ProviderId provider, String model,
                            String providerModel, long seed, int steps, Double guidanceScale, String aspectRatio,
                            int width, int height, Instant createdAt, String remoteUrl,
                            List<AttemptRecord> attempts) {}
