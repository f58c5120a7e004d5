package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import java.time.Duration;
import java.util.List;

/// `routing:` — provider order and the caps every image obeys.
///
/// - `maxParallel`: global cap of requests in flight for a batch.
/// - `perTokenConcurrency`: requests in flight per token (default 1).
/// - `maxAttemptsPerImage`: hard cap of provider attempts per image.
/// - `stopOnContentRejected`: a content rejection ends the image instead of trying other providers.
/// - `providerCooldown`: how long a provider that keeps failing (network/timeout/5xx) is skipped.
public record RoutingConfig(List<ProviderId> providerOrder, String defaultModel, int maxParallel,
                            int perTokenConcurrency, int maxAttemptsPerImage, boolean stopOnContentRejected,
                            Duration providerCooldown) {}
