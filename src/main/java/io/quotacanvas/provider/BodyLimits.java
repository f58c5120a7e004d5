package io.quotacanvas.provider;

/// Largest response bodies an adapter reads, in bytes; a larger body is a `BadResponse`.
public record BodyLimits(long jsonBytes, long imageBytes) {

    /// 2 MiB of JSON, 40 MiB of image.
    public static final BodyLimits DEFAULT = new BodyLimits(2L << 20, 40L << 20);

    public BodyLimits {
        if (jsonBytes <= 0 || imageBytes <= 0) {
            throw new IllegalArgumentException("body limits must be positive");
        }
    }
}
