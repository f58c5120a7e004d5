package io.quotacanvas.pipeline;

import io.quotacanvas.core.ImageResult;
import java.util.List;

/// All images of one request, in index order, and the batch's wall time.
public record BatchResult(List<ImageResult> images, long elapsedMs) {

    public long generatedCount() {
        return images.stream().filter(i -> i instanceof ImageResult.Generated).count();
    }

    public boolean allGenerated() {
        return generatedCount() == images.size();
    }

    public boolean noneGenerated() {
        return generatedCount() == 0;
    }
}
