package io.quotacanvas.gateway;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.EngineListener;
import io.quotacanvas.token.QuotaStatus;
import io.quotacanvas.token.TokenState;
import java.util.List;
import java.util.function.IntSupplier;

/// What `GET /metrics` shows: images made (by provider) and failed (by provider and class), attempts by
/// provider and outcome, HTTP answers by route and status, and at scrape time the tokens per provider and
/// state (from the ledger), requests in flight and the queue. Also the [EngineListener] that counts engine
/// events: fast, never throws. Thread-safe.
final class GatewayMetrics implements EngineListener {
    private final Counters generated = new Counters("quota_canvas_images_generated_total",
            "Images generated and stored, by the provider that made them.", "provider");
    private final Counters failed = new Counters("quota_canvas_images_failed_total",
            "Images that ended without a result, by the last provider tried (none if none) and error type.",
            "provider", "error_type");
    private final Counters attempts = new Counters("quota_canvas_attempts_total",
            "Provider requests sent, by provider and outcome.", "provider", "outcome");
    private final Counters http = new Counters("quota_canvas_gateway_http_requests_total",
            "HTTP requests answered, by route and status code.", "route", "status");

    @Override
    public void onEvent(EngineEvent event) {
        switch (event) {
            case EngineEvent.AttemptFinished a -> attempts.inc(ProviderId.nameOf(a.attempt().provider()),
                    a.attempt().outcome().wireName());
            case EngineEvent.ImageFinished f -> image(f.result());
            default -> { }
        }
    }

    private void image(ImageResult result) {
        switch (result) {
            case ImageResult.Generated g -> generated.inc(g.provider().wireName());
            case ImageResult.Failed f -> failed.inc(lastProvider(f.attempts()), f.errorType().wireName());
        }
    }

    private static String lastProvider(List<AttemptRecord> attempts) {
        return attempts.reversed().stream().filter(a -> !a.skipped()).findFirst()
                .map(a -> ProviderId.nameOf(a.provider())).orElse("none");
    }

    void answered(String route, int status) {
        http.inc(route, String.valueOf(status));
    }

    long answeredCount(String route, int status) {
        return http.get(route, String.valueOf(status));
    }

    /// The whole exposition.
    String render(QuotaStatus.StatusReport report, IntSupplier inFlight, IntSupplier queued, int capacity) {
        StringBuilder out = new StringBuilder(2048);
        generated.render(out);
        failed.render(out);
        attempts.render(out);
        http.render(out);
        tokens(out, report);
        Prometheus.gauge(out, "quota_canvas_gateway_requests_in_flight",
                "Image generation requests being processed.", inFlight.getAsInt());
        Prometheus.gauge(out, "quota_canvas_gateway_queue_depth",
                "Images admitted and not finished (running, or waiting for a free token).", queued.getAsInt());
        Prometheus.gauge(out, "quota_canvas_gateway_queue_capacity",
                "Images admitted at most at once (gateway.max_queue).", capacity);
        return out.toString();
    }

    private static void tokens(StringBuilder out, QuotaStatus.StatusReport report) {
        String name = "quota_canvas_tokens";
        out.append("# HELP ").append(name).append(" Pooled tokens per provider by state, from the ledger.\n");
        out.append("# TYPE ").append(name).append(" gauge\n");
        List<String> labels = List.of("provider", "state");
        for (QuotaStatus.ProviderStatus p : report.providers()) {
            int ready = 0;
            int cooling = 0;
            int invalid = 0;
            int disabled = 0;
            for (QuotaStatus.TokenStatus t : p.tokens()) {
                if (!t.entry().enabled()) {
                    disabled++;
                    continue;
                }
                switch (t.state()) {
                    case TokenState.Ready r -> ready++;
                    case TokenState.Cooling c -> cooling++;
                    case TokenState.Invalid i -> invalid++;
                }
            }
            String provider = p.provider().wireName();
            int[] counts = {ready, cooling, invalid, disabled};
            String[] states = {"ready", "cooling", "invalid", "disabled"};
            for (int i = 0; i < states.length; i++) {
                out.append(name).append(Prometheus.labels(labels, List.of(provider, states[i]))).append(' ')
                        .append(counts[i]).append('\n');
            }
        }
    }
}
