package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.FakeImagesServer.Reply;
import io.quotacanvas.testing.FakeImagesServer;
import io.quotacanvas.testing.NoInternet;
import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.ledger.SqliteLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/// `quota-canvas serve` as a real process, stopped the way service managers stop it: SIGTERM
/// (`Process.destroy()`) while images are being made. Running requests get their answers, the ledger holds
/// every image and is closed cleanly (SQLite's write-ahead log folded back and removed), and the process ends.
class GatewayProcessTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CANARY = "CANARY-process-token-7c1e4b9a";
    private static final String TOKENS = CANARY + ",gitee-test-token-0002,gitee-test-token-0003";

    @TempDir
    Path home;

    private final FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE);
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        gitee.close();
        http.connectionPool().evictAll();
    }

    /// Starts `quota-canvas serve --port 0` in its own JVM; returns its base URL once it listens.
    private String serve(String gatewayYaml) throws IOException {
        Files.writeString(home.resolve("config.yaml"), """
                routing: {provider_order: [gitee], per_token_concurrency: 1}
                prompt: {optimize: false}
                providers:
                  gitee: {base_url: %s, tokens: [], timeouts: {connect: 2s, read: 30s, overall: 60s}}
                gateway:
                  %s
                """.formatted(gitee.baseUrl(), gatewayYaml));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        command.addAll(NoInternet.jvmArgs());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.quotacanvas.Main", "serve", "--port",
                "0"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("QUOTA_CANVAS_HOME", home.toString());
        pb.environment().put("QUOTA_CANVAS_VAULT", "file");
        pb.environment().put("QUOTA_CANVAS_GITEE_TOKENS", TOKENS);
        pb.redirectError(home.resolve("stderr.txt").toFile());
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("Quota Canvas gateway: http://"), "no banner: " + line + "\n"
                + stderr());
        return line.substring("Quota Canvas gateway: ".length(), line.indexOf("/v1 "));
    }

    private String stderr() throws IOException {
        Path f = home.resolve("stderr.txt");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private CompletableFuture<Response> generate(String base, String prompt) {
        Request request = new Request.Builder().url(base + "/v1/images/generations")
                .post(RequestBody.create("{\"prompt\":\"" + prompt + "\"}", MediaType.get("application/json"))).build();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return http.newCall(request).execute();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, r -> Thread.ofVirtual().start(r));
    }

    private boolean accepts(String base) {
        java.net.URI uri = java.net.URI.create(base);
        try {
            new java.net.Socket(uri.getHost(), uri.getPort()).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitProviderInFlight(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gitee.inFlight() < n) {
            assertTrue(System.nanoTime() < end, "the requests never reached the provider");
            Thread.sleep(10);
        }
    }

    @Test
    void sigtermLetsRunningImagesFinishAnswersThemAndClosesTheLedger() throws Exception {
        gitee.latency(Duration.ofSeconds(4));
        String base = serve("shutdown_grace: 30s");
        List<CompletableFuture<Response>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(generate(base, "fox " + i));
        }
        awaitProviderInFlight(3);

        process.destroy();

        // new connections are refused at once, while the running images go on
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (accepts(base)) {
            assertTrue(System.nanoTime() < end, "still accepting connections");
            Thread.sleep(10);
        }
        assertTrue(running.stream().noneMatch(CompletableFuture::isDone), "refused only after the answers");
        StringBuilder seen = new StringBuilder();
        for (CompletableFuture<Response> f : running) {
            try (Response r = f.get(60, TimeUnit.SECONDS)) {
                assertEquals(200, r.code());
                String body = r.body().string();
                assertEquals(1, JSON.readTree(body).get("data").size());
                seen.append(r.headers()).append(body);
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process did not end");
        assertThrows(ConnectException.class, () -> http.newCall(new Request.Builder().url(base + "/health").build())
                .execute().close(), "nothing listens any more");
        assertTrue(stderr().contains("the ledger is closed"), stderr());
        assertLedgerClosedCleanly(3);
        try (Stream<Path> pngs = Files.walk(home.resolve("library"))) {
            assertEquals(3, pngs.filter(p -> p.toString().endsWith(".png")).count());
        }
        try (Stream<Path> logs = Files.list(home.resolve("state").resolve("logs"))) {
            for (Path log : logs.toList()) {
                seen.append(Files.readString(log));
            }
        }
        seen.append(stderr());
        assertTrue(seen.toString().contains("gitee#1 …4b9a"), "the canary token worked, masked");
        assertFalse(seen.toString().contains(CANARY), "a token reached an answer, stderr or the log file");
    }

    @Test
    void sigtermCancelsWhatOutlivesTheGraceAndStillAnswersIt() throws Exception {
        gitee.defaultReply(Reply.HANG);
        String base = serve("shutdown_grace: 1s");
        CompletableFuture<Response> running = generate(base, "never finishes");
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gitee.generationRequests().isEmpty()) {
            assertTrue(System.nanoTime() < end, "the request never reached the provider");
            Thread.sleep(10);
        }

        process.destroy();

        try (Response r = running.get(60, TimeUnit.SECONDS)) {
            assertEquals(503, r.code());
            assertEquals("shutting_down", JSON.readTree(r.body().string()).get("error").get("code").asString());
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process did not end");
        assertLedgerClosedCleanly(0);
    }

    /// No write-ahead log left behind (the last connection closed cleanly) and the images counted.
    private void assertLedgerClosedCleanly(int images) {
        Path db = home.resolve("state").resolve("ledger.db");
        assertTrue(Files.exists(db));
        assertFalse(Files.exists(db.resolveSibling("ledger.db-wal")), "the ledger was not closed cleanly");
        try (Ledger ledger = new SqliteLedger(db)) {
            int today = ledger.entries(ProviderId.GITEE, Instant.now()).stream()
                    .filter(e -> e.model().isEmpty()).mapToInt(Ledger.LedgerEntry::imagesToday).sum();
            assertEquals(images, today);
        }
    }
}
