package io.quotacanvas.gateway;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.testing.FakeImagesServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.OkHttpClient;

/// A real gateway over a real application (config loader, engine, adapters, ledger, library) in a temp home,
/// with Gitee played by a loopback [FakeImagesServer]; clients are the official OpenAI SDK and plain OkHttp.
/// Every log record of the process is kept while it runs, so tests can scan the log for secrets.
final class GatewayFixture implements AutoCloseable {
    final Path home;
    final FakeImagesServer gitee = new FakeImagesServer(FakeImagesServer.Flavor.GITEE);
    final QuotaCanvas app;
    final GatewayServer server;
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60))
            .connectionPool(new okhttp3.ConnectionPool(64, 1, java.util.concurrent.TimeUnit.MINUTES)).build();
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringWriter trace = new StringWriter();
            if (r.getThrown() != null) {
                r.getThrown().printStackTrace(new PrintWriter(trace));
            }
            log.add(r.getLoggerName() + " " + r.getLevel() + " " + new java.util.logging.SimpleFormatter()
                    .formatMessage(r) + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private GatewayFixture(Path home, String tokens, String gatewayYaml, String routingYaml, Map<String, String> env,
                           java.util.function.Consumer<FakeImagesServer> script) {
        this.home = home;
        script.accept(gitee);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("").setLevel(Level.INFO);
        try {
            Files.createDirectories(home);
            Path config = Files.writeString(home.resolve("config.yaml"), """
                    routing:
                      provider_order: [gitee]
                      per_token_concurrency: 1
                    %s
                    prompt:
                      optimize: false
                    providers:
                      gitee:
                        base_url: %s
                        tokens: []
                        timeouts: {connect: 2s, read: 10s, overall: 20s}
                    gateway:
                      port: 0
                    %s
                    """.formatted(indent(routingYaml), gitee.baseUrl(), indent(gatewayYaml)));
            Map<String, String> all = new HashMap<>(env);
            all.put("QUOTA_CANVAS_HOME", home.toString());
            all.put("QUOTA_CANVAS_VAULT", "file");
            all.put("QUOTA_CANVAS_GITEE_TOKENS", tokens);
            this.app = QuotaCanvas.open(config, all, Clock.systemUTC());
            this.server = GatewayServer.start(app, "127.0.0.1", 0);
        } catch (Exception e) {
            close();
            throw new IllegalStateException(e);
        }
    }

    private static String indent(String yaml) {
        return yaml.isBlank() ? "" : yaml.strip().lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    /// Builds fixtures; every part has a test-friendly default.
    static final class Builder {
        private final Path home;
        private String tokens = "gitee-test-token-0001";
        private String gateway = "";
        private String routing = "";
        private final Map<String, String> env = new HashMap<>();
        private java.util.function.Consumer<FakeImagesServer> script = s -> { };

        Builder(Path home) {
            this.home = home;
        }

        /// Comma-separated Gitee tokens.
        Builder tokens(String list) {
            this.tokens = list;
            return this;
        }

        /// More keys under `gateway:` (one per line, unindented).
        Builder gateway(String yaml) {
            this.gateway = yaml;
            return this;
        }

        /// More keys under `routing:`.
        Builder routing(String yaml) {
            this.routing = yaml;
            return this;
        }

        Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /// Scripts the fake provider before the gateway starts.
        Builder provider(java.util.function.Consumer<FakeImagesServer> s) {
            this.script = s;
            return this;
        }

        GatewayFixture start() {
            return new GatewayFixture(home, tokens, gateway, routing, env, script);
        }
    }

    static Builder in(Path home) {
        return new Builder(home);
    }

    /// `http://127.0.0.1:<port>`.
    String base() {
        return server.address().toString();
    }

    /// The official SDK pointed at the gateway, without its own retries so each call is one request.
    OpenAIClient sdk(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(base() + "/v1").apiKey(apiKey).maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
    }

    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /// Images in the library right now.
    long libraryImages() {
        try (var files = Files.walk(app.dirs().libraryDir())) {
            return files.filter(p -> p.toString().endsWith(".png")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown(Duration.ofSeconds(5));
        }
        if (app != null) {
            app.close();
        }
        gitee.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        Logger.getLogger("").removeHandler(capture);
    }
}
