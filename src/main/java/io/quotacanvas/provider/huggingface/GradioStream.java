package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.IoFailures;
import io.quotacanvas.provider.ProviderCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import tools.jackson.databind.JsonNode;

/// Reads one Gradio result stream (`GET {prefix}/call/{api}/{event_id}`) to its `complete` or `error`
/// event. The whole read runs under the attempt's deadline — heartbeats extend nothing — and its
/// [CallScope], so a silent stream ends as `Timeout` and cancelling stops it at once; a stream that ends
/// or breaks off without `complete` is a `BadResponse`.
///
/// Thread-safe; one instance serves all calls of one adapter.
final class GradioStream {
    private final OkHttpClient client;
    private final Duration overall;
    private final long maxBytes;
    private final Clock clock;

    GradioStream(OkHttpClient client, Duration overall, long maxBytes, Clock clock) {
        this.client = client;
        this.overall = overall;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /// The `complete` event's outputs, or the failure the stream came to. `anonymous` words HTTP errors.
    Step<JsonNode> read(Request request, ProviderCall call, boolean anonymous) {
        CallScope scope = call.scope();
        if (scope.isCancelled()) {
            return Step.failed(IoFailures.cancelled(scope));
        }
        Duration budget = budget(call.deadline());
        if (budget.isNegative() || budget.isZero()) {
            return Step.failed(new Outcome.Timeout("the attempt's deadline passed before the result stream opened"));
        }
        Call live = client.newCall(request);
        live.timeout().timeout(budget.toNanos(), TimeUnit.NANOSECONDS);
        scope.track(live);
        try (Response response = live.execute()) {
            if (!response.isSuccessful()) {
                String body = head(response.body().source());
                return Step.failed(SpaceFailures.classify(SpaceFailures.Stage.STREAM, response.code(),
                        response.headers(), body, anonymous, clock.instant()));
            }
            return events(new SseReader(response.body().source(), maxBytes));
        } catch (SseReader.TooLarge e) {
            return Step.failed(new Outcome.BadResponse(200, "the Space's event stream passed the "
                    + (maxBytes >> 10) + " KiB limit without a result"));
        } catch (IOException e) {
            return Step.failed(broken(IoFailures.classify(e, request.url(), scope, call.deadline(), clock.instant())));
        } finally {
            scope.untrack(live);
        }
    }

    /// Reads events to the first `complete` or `error`; heartbeats, progress and unknown events are skipped.
    private Step<JsonNode> events(SseReader reader) throws IOException {
        SseReader.Event event;
        while ((event = reader.next()) != null) {
            switch (event.name()) {
                case "complete" -> {
                    JsonNode outputs = Json.parseOrNull(event.data());
                    return outputs != null ? Step.ok(outputs) : Step.failed(new Outcome.BadResponse(200,
                            "the Space's `complete` event carried no JSON outputs"));
                }
                case "error" -> {
                    return Step.failed(ZeroGpuErrors.classify(ZeroGpuErrors.text(event.data()), clock.instant()));
                }
                default -> { }
            }
        }
        return Step.failed(new Outcome.BadResponse(200, "the Space's event stream ended without a result"));
    }

    /// A connection dropped mid-stream is a broken answer, not a network outage; timeouts and cancels stay.
    private static Outcome.Failure broken(Outcome.Failure failure) {
        if (failure instanceof Outcome.NetworkError n && !n.isCancellation()) {
            return new Outcome.BadResponse(0, "the Space's event stream broke off before a result: " + n.message());
        }
        return failure;
    }

    private Duration budget(Instant deadline) {
        Duration remaining = Duration.between(clock.instant(), deadline);
        boolean capped = overall != null && overall.isPositive() && overall.compareTo(remaining) < 0;
        return capped ? overall : remaining;
    }

    /// The first few KiB of an error body, enough to classify it.
    private static String head(BufferedSource source) throws IOException {
        Buffer buffer = new Buffer();
        while (buffer.size() < 16 * 1024 && source.read(buffer, 16 * 1024 - buffer.size()) != -1) {
            // keep reading until the cap or the end
        }
        return buffer.readString(StandardCharsets.UTF_8);
    }
}
