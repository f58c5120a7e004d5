package io.quotacanvas.gateway;

import static io.quotacanvas.testing.BenchStats.percentile;
import static io.quotacanvas.testing.BenchStats.print;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.openai.client.OpenAIClient;
import com.openai.models.images.ImageGenerateParams;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.OutputPaths;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Gateway figures, printed (never asserted on time): run with `mvn -B -Pbench verify`. The provider is a
/// loopback Gitee at zero latency, so what is measured is the gateway and the engine, not a provider.
@SuppressWarnings("deprecation") // response_format is what DALL·E-era clients send; the SDK marks it deprecated
class GatewayBenchmark {
    private static final int WARM_UP = 50;
    private static final int RUNS = 300;

    @TempDir
    Path home;

    static {
        Locale.setDefault(Locale.ROOT);
        // the gateway logs a line per request; in production that goes to a file, not to Maven's console
        java.util.logging.LogManager.getLogManager().reset();
    }

    @Test
    void overheadPerImageAtZeroProviderLatencyVersusTheEngineDirectly() throws Exception {
        try (GatewayFixture gw = GatewayFixture.in(home).provider(s -> s.defaultReply(Reply.OK_B64)).start()) {
            OpenAIClient sdk = gw.sdk("unused");
            List<Long> engine = new ArrayList<>();
            List<Long> url = new ArrayList<>();
            List<Long> b64 = new ArrayList<>();
            List<Long> viaSdk = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                // interleaved, so drift (disk, JIT, the shared machine) touches every column alike
                long e = time(() -> direct(gw));
                long u = time(() -> post(gw, "url"));
                long b = time(() -> post(gw, "b64_json"));
                long s = time(() -> sdk.images().generate(ImageGenerateParams.builder().prompt("benchmark")
                        .responseFormat(ImageGenerateParams.ResponseFormat.B64_JSON).build()));
                if (i >= WARM_UP) {
                    engine.add(e);
                    url.add(u);
                    b64.add(b);
                    viaSdk.add(s);
                }
            }
            print("per image at 0 ms provider latency, %d images each (interleaved), p50 / p99 in ms:".formatted(RUNS));
            print("  engine.run directly:            %s".formatted(p(engine)));
            print("  gateway, url answer (OkHttp):   %s   overhead p50 %+.2f ms".formatted(p(url), delta(url, engine)));
            print("  gateway, b64_json (OkHttp):     %s   overhead p50 %+.2f ms".formatted(p(b64), delta(b64, engine)));
            print("  gateway, b64_json (OpenAI SDK): %s   overhead p50 %+.2f ms".formatted(p(viaSdk),
                    delta(viaSdk, engine)));
        }
    }

    @Test
    void throughputWithThirtyTwoConcurrentClients() throws Exception {
        String tokens = IntStream.rangeClosed(1, 32).mapToObj("gitee-bench-token-%04d"::formatted)
                .collect(Collectors.joining(","));
        int clients = 32;
        int each = 25;
        try (GatewayFixture gw = GatewayFixture.in(home).tokens(tokens).gateway("max_queue: 64")
                .provider(s -> s.defaultReply(Reply.OK_B64)).start()) {
            for (int i = 0; i < WARM_UP; i++) {
                post(gw, "url");
                direct(gw);
            }
            // alternating rounds, so the disk (every image is fsynced) and the shared machine weigh on both alike
            List<Load> gateway = new ArrayList<>();
            List<Load> engine = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                engine.add(load(clients, each, () -> direct(gw) == 1));
                gateway.add(load(clients, each, () -> post(gw, "url") == 200));
            }
            Load viaGateway = Load.sum(gateway);
            Load direct = Load.sum(engine);
            assertEquals(3 * clients * each, viaGateway.ok(), "every request answered 200");
            print("throughput, %d concurrent clients x %d requests over 32 tokens at 0 ms provider latency, 3 rounds each:"
                    .formatted(clients, each));
            print("  through the gateway: %s".formatted(viaGateway));
            print("  engine.run directly: %s".formatted(direct));
            print("  most provider requests in flight at once: %d".formatted(gw.gitee.maxInFlight()));
        }
    }

    /// What a closed-loop load did: requests that succeeded, wall time, per-request latencies (µs).
    private record Load(int ok, double seconds, List<Long> micros) {
        static Load sum(List<Load> loads) {
            return new Load(loads.stream().mapToInt(Load::ok).sum(), loads.stream().mapToDouble(Load::seconds).sum(),
                    loads.stream().flatMap(l -> l.micros().stream()).toList());
        }

        @Override
        public String toString() {
            return "%.0f images/s (%d in %.2f s), per request p50 %.2f ms, p99 %.2f ms".formatted(ok / seconds, ok,
                    seconds, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0);
        }
    }

    private static Load load(int clients, int each, java.util.function.BooleanSupplier request)
            throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < each; i++) {
                    long s = System.nanoTime();
                    if (request.getAsBoolean()) {
                        ok.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - s) / 1000);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Load(ok.get(), (System.nanoTime() - t0) / 1e9, List.copyOf(latencies));
    }

    private static int direct(GatewayFixture gw) {
        ImageRequest request = ImageRequest.of("benchmark").withOptimizePrompt(false);
        BatchResult batch = gw.app.engine().run(request, OutputPaths.NONE, null, new CallScope());
        return (int) batch.generatedCount();
    }

    private static int post(GatewayFixture gw, String format) {
        Request request = new Request.Builder().url(gw.base() + "/v1/images/generations")
                .post(RequestBody.create("{\"prompt\":\"benchmark\",\"response_format\":\"" + format + "\"}",
                        MediaType.get("application/json"))).build();
        try (Response r = gw.http.newCall(request).execute()) {
            r.body().bytes();
            return r.code();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private interface Work {
        Object run() throws Exception;
    }

    private static long time(Work work) throws Exception {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1000;
    }

    private static String p(List<Long> micros) {
        return "%.2f / %.2f".formatted(percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0);
    }

    private static double delta(List<Long> a, List<Long> b) {
        return (percentile(a, 50) - percentile(b, 50)) / 1000.0;
    }
}
