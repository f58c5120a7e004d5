package io.quotacanvas.provider.modelscope;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;

/// ModelScope API-Inference text-to-image (providers.md §3): an async task submitted with
/// `X-ModelScope-Async-Mode: true`, polled at `options.poll_interval` (default 3 s) with
/// `X-ModelScope-Task-Type: image_generation` until it succeeds, fails or the call's deadline passes,
/// then the result URL is downloaded at once, without the token.
///
/// The `modelscope-ratelimit-*` headers of every answer are read; a [Outcome.Success] carries the latest
/// figures as a `QuotaSnapshot` so the pipeline can retire a token (or token × model) before it fails.
/// Thread-safe; one instance serves a whole batch (each call keeps its own state).
public final class ModelScopeProvider implements ImageProvider {
    /// How long after submit a "task not found" only means the task is not visible yet.
    static final Duration NOT_FOUND_GRACE = Duration.ofSeconds(30);

    private final ProviderConfig config;
    private final ProviderHttp http;
    private final Duration pollInterval;

    public ModelScopeProvider(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    /// For tests and tuning: explicit body limits and clock (deadlines, poll pacing and the grace of a
    /// "task not found" are read from `clock`).
    public ModelScopeProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        if (config.id() != ProviderId.MODELSCOPE) {
            throw new IllegalArgumentException("not a modelscope config: " + config.id());
        }
        this.config = config;
        this.http = new ProviderHttp(config, base, limits, clock);
        this.pollInterval = config.options() instanceof ProviderOptions.ModelScope o ? o.pollInterval()
                : ProviderOptions.DEFAULT_POLL_INTERVAL;
    }

    @Override
    public ProviderId id() {
        return ProviderId.MODELSCOPE;
    }

    @Override
    public Outcome generate(ProviderCall call) {
        Outcome outcome = new TaskAttempt(config, http, pollInterval, call).run();
        return outcome instanceof Outcome.Failure f ? BearerAuth.redact(f, call.token()) : outcome;
    }
}
