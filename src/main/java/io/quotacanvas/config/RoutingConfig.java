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
/// - `hangAfter`: a request that fails after waiting at least this long counts as a hang, like a timeout.
/// - `hedgeAfter`: when an attempt runs this long and another provider has a free slot, a second attempt
///   starts there; [Duration#ZERO] turns hedging off.
/// - `minAttemptTime`: an attempt is not started with less than this left of the image's time limit.
/// - `modelUnavailableSkip`: how long a model a provider said it doesn't serve is skipped there.
public record RoutingConfig(List<ProviderId> providerOrder, String defaultModel, int maxParallel,
                            int perTokenConcurrency, int maxAttemptsPerImage, boolean stopOnContentRejected,
                            Duration providerCooldown, Duration hangAfter, Duration hedgeAfter,
                            Duration minAttemptTime, Duration modelUnavailableSkip) {

    /// Whether a second attempt may start for a slow one.
    public boolean hedging() {
        return hedgeAfter != null && !hedgeAfter.isZero();
    }
}
