package io.quotacanvas.provider;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.Timeouts;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/// Builds the application's one base [OkHttpClient] and the per-provider clients derived from it.
///
/// Per-provider clients share the base client's connection pool and dispatcher (`newBuilder()`), take
/// their connect/read timeouts from [ProviderConfig#timeouts()], and carry a [ForeignHostAuthGuard] so a
/// token can never travel to a host other than the provider's own, redirect hops included.
public final class HttpClients {
    private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(15);
    private static final Duration DEFAULT_READ = Duration.ofSeconds(60);

    private HttpClients() {}

    /// A new base client. Build it once in the composition root and hand it to every adapter.
    public static OkHttpClient newBase() {
        return new OkHttpClient.Builder()
                .connectTimeout(DEFAULT_CONNECT.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(DEFAULT_READ.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(true)
                .build();
    }

    /// The client for one provider: `base` plus the provider's timeouts and the foreign-host auth guard.
    /// The overall per-call deadline is applied per call by [ProviderHttp], not here.
    public static OkHttpClient forProvider(OkHttpClient base, ProviderConfig config) {
        OkHttpClient.Builder builder = base.newBuilder()
                .addNetworkInterceptor(new ForeignHostAuthGuard(ProviderHttp.baseUrl(config)));
        Timeouts timeouts = config.timeouts();
        if (timeouts == null) {
            return builder.build();
        }
        if (isPositive(timeouts.connect())) {
            builder.connectTimeout(timeouts.connect().toMillis(), TimeUnit.MILLISECONDS);
        }
        if (isPositive(timeouts.read())) {
            builder.readTimeout(timeouts.read().toMillis(), TimeUnit.MILLISECONDS);
        }
        return builder.build();
    }

    /// Releases the base client's threads and pooled connections (at application shutdown).
    public static void shutdown(OkHttpClient base) {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    static boolean isPositive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }
}
