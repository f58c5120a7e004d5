package io.quotacanvas.provider;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/// One provider's HTTP executor: runs a request under the attempt's deadline and [CallScope], reads
/// the body under a size cap, always closes the response, and turns every I/O failure into an
/// [Outcome.Failure] — nothing here throws for network trouble.
///
/// Thread-safe; one instance serves all calls of one adapter.
public final class ProviderHttp {
    private final OkHttpClient client;
    /// For requests that spend quota (POST): never re-sent by OkHttp on a fresh connection after a failure,
    /// so the provider sees exactly the attempts the pipeline records.
    private final OkHttpClient sendOnce;
    private final HttpUrl baseUrl;
    private final Duration overall;
    private final BodyLimits limits;
    private final Clock clock;

    public ProviderHttp(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        this.client = HttpClients.forProvider(base, config);
        this.sendOnce = client.newBuilder().retryOnConnectionFailure(false).build();
        this.baseUrl = baseUrl(config);
        this.overall = config.timeouts() == null ? null : config.timeouts().overall();
        this.limits = limits;
        this.clock = clock;
    }

    /// The provider's base URL; throws `IllegalArgumentException` when the config holds no http(s) URL.
    public static HttpUrl baseUrl(ProviderConfig config) {
        URI uri = config.baseUrl();
        HttpUrl url = uri == null ? null : HttpUrl.parse(uri.toString());
        if (url == null) {
            throw new IllegalArgumentException(config.id() + ": base URL is not an http(s) URL: " + uri);
        }
        return url;
    }

    /// `path` (e.g. `images/generations`) under the provider's base URL, whether or not the base ends in `/`.
    public static HttpUrl endpoint(ProviderConfig config, String path) {
        HttpUrl base = baseUrl(config);
        List<String> segments = base.pathSegments();
        HttpUrl.Builder builder = base.newBuilder();
        if (!segments.isEmpty() && segments.getLast().isEmpty()) {
            builder.removePathSegment(segments.size() - 1);
        }
        return builder.addPathSegments(path).build();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    public BodyLimits limits() {
        return limits;
    }

    public Clock clock() {
        return clock;
    }

    /// Runs `request` (already signed by the caller) and reads at most [BodyLimits#jsonBytes()].
    public Exchange fetchJson(Request request, ProviderCall call) {
        return execute(request, call.scope(), call.deadline(), limits.jsonBytes());
    }

    /// Downloads an image from a result URL. The request never carries a token, even to the provider's
    /// own host: result URLs are often pre-signed links that must not see credentials.
    public Exchange fetchImage(HttpUrl url, ProviderCall call) {
        Request request = new Request.Builder().url(url).get().header("Accept", "image/*").build();
        return execute(request, call.scope(), call.deadline(), limits.imageBytes());
    }

    /// Executes `request` under `deadline` (null = only the configured overall timeout) and `scope`
    /// (null = not cancellable), reading at most `maxBytes` of body.
    public Exchange execute(Request request, CallScope scope, Instant deadline, long maxBytes) {
        CallScope live = scope == null ? new CallScope() : scope;
        if (live.isCancelled()) {
            return new Exchange.Failed(IoFailures.cancelled(live));
        }
        Duration budget = budget(deadline);
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            return new Exchange.Failed(new Outcome.Timeout("the attempt's deadline passed before the request was sent"));
        }
        Call call = (isIdempotent(request) ? client : sendOnce).newCall(request);
        if (budget != null) {
            call.timeout().timeout(budget.toNanos(), TimeUnit.NANOSECONDS);
        }
        live.track(call);
        try {
            return readReply(call, maxBytes);
        } catch (IOException e) {
            return new Exchange.Failed(IoFailures.classify(e, request.url(), live, deadline, clock.instant()));
        } finally {
            live.untrack(call);
        }
    }

    private static Exchange readReply(Call call, long maxBytes) throws IOException {
        try (Response response = call.execute()) {
            try {
                byte[] body = readCapped(response.body(), maxBytes);
                return new Exchange.Reply(response.code(), response.headers(), response.header("Content-Type"), body);
            } catch (BodyTooLargeException e) {
                return new Exchange.Failed(new Outcome.BadResponse(response.code(),
                        "response body is larger than the " + (e.cap >> 10) + " KiB limit"));
            }
        }
    }

    /// GETs (task polls, downloads, Space queue streams) may be re-sent on a dropped pooled connection.
    private static boolean isIdempotent(Request request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    static byte[] readCapped(ResponseBody body, long cap) throws IOException {
        if (body.contentLength() > cap) {
            throw new BodyTooLargeException(cap);
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, 64 * 1024) != -1) {
            if (buffer.size() > cap) {
                throw new BodyTooLargeException(cap);
            }
        }
        return buffer.readByteArray();
    }

    private Duration budget(Instant deadline) {
        Duration configured = HttpClients.isPositive(overall) ? overall : null;
        if (deadline == null) {
            return configured;
        }
        Duration remaining = Duration.between(clock.instant(), deadline);
        return configured == null || remaining.compareTo(configured) < 0 ? remaining : configured;
    }
}
