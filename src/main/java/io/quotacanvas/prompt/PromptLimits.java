package io.quotacanvas.prompt;

import java.time.Duration;

/// Hard caps on prompt work: chat calls per step (translate, optimise) and the time for the whole
/// preparation (the request's own timeout applies when it is shorter).
public record PromptLimits(int maxAttemptsPerStep, Duration maxDuration) {

    /// Four calls per step, thirty seconds in all: prompt work must never cost more than a slow image.
    public static final PromptLimits DEFAULT = new PromptLimits(4, Duration.ofSeconds(30));

    public PromptLimits {
        if (maxAttemptsPerStep < 1) {
            throw new IllegalArgumentException("maxAttemptsPerStep must be at least 1");
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
    }
}
