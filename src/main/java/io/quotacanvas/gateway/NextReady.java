package io.quotacanvas.gateway;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.Engine;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.token.QuotaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/// Seconds until a request could be served again: the first instant a token of the request's route (its
/// providers × model candidates) stops cooling, read from the ledger through [QuotaStatus]; failing that, the
/// earliest "cooling until" of the attempts; failing that, a minute. Thread-safe.
final class NextReady {
    static final long FALLBACK_SECONDS = 60;

    private final Engine engine;
    private final QuotaStatus status;

    NextReady(Engine engine, QuotaStatus status) {
        this.engine = engine;
        this.status = status;
    }

    long seconds(ImageRequest request, List<ImageResult> results, Instant now) {
        Instant until = fromLedger(request, now);
        if (until == null) {
            until = results.stream().flatMap(r -> r.attempts().stream()).map(AttemptRecord::coolingUntil)
                    .filter(Objects::nonNull).filter(now::isBefore).min(Comparator.naturalOrder()).orElse(null);
        }
        if (until == null) {
            return FALLBACK_SECONDS;
        }
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private Instant fromLedger(ImageRequest request, Instant now) {
        RoutePlan plan = engine.plan(request);
        return plan.routes().stream().flatMap(route -> {
            QuotaStatus.ProviderStatus p = status.provider(route.provider());
            List<String> models = route.models().stream().map(RoutePlan.ModelCandidate::canonical).toList();
            return p.models().stream().filter(m -> models.contains(m.model()))
                    .flatMap(m -> m.ready() > 0 ? Stream.of(now) : m.cooling().stream().map(c -> c.until()));
        }).filter(Objects::nonNull).filter(t -> !t.isBefore(now)).min(Comparator.naturalOrder()).orElse(null);
    }
}
