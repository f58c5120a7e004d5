package io.quotacanvas.config;

import java.time.Duration;

/// Connect, read and overall (per call) deadlines for one provider's HTTP calls.
public record Timeouts(Duration connect, Duration read, Duration overall) {}
