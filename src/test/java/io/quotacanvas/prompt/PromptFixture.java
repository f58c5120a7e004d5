package io.quotacanvas.prompt;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.Engine;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.pipeline.PromptPreparer.PreparedPrompt;
import io.quotacanvas.pipeline.PromptPreparer;
import io.quotacanvas.pipeline.RoutePlan;
import io.quotacanvas.pipeline.RoutePlanner;
import io.quotacanvas.provider.CallScope;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.testing.MutableClock;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.ledger.SqliteLedger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/// A prompt preparer wired like production (real config loader, SQLite ledger and cache, OkHttp) against
/// loopback chat servers, with helpers to build requests and read what happened.
final class PromptFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
    final SqliteLedger ledger;
    final Path dbFile;
    final OkHttpClient http = HttpClients.newBase();
    private final Map<String, FakeChatServer> servers = new LinkedHashMap<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<SqlitePromptCache> caches = new ArrayList<>();
    private String extraYaml = "";
    private Set<String> withoutTextModel = Set.of();
    private AppConfig config;
    private Engine engine;

    PromptFixture(Path dir) {
        this.dbFile = dir.resolve("state").resolve("ledger.db");
        this.ledger = new SqliteLedger(dbFile);
    }

    /// Adds a provider (in routing order) served by `server` with comma-separated `tokens`.
    PromptFixture provider(String name, FakeChatServer server, String tokens) {
        servers.put(name, server);
        env.put("QUOTA_CANVAS_" + name.toUpperCase(Locale.ROOT) + "_TOKENS", tokens);
        config = null;
        return this;
    }

    /// More YAML under `prompt:` or for the providers (appended to the generated config).
    PromptFixture yaml(String yaml) {
        extraYaml = yaml;
        config = null;
        return this;
    }

    /// These providers get `text_model: null` (and the others their default again).
    PromptFixture withoutTextModel(String... providers) {
        withoutTextModel = Set.of(providers);
        config = null;
        return this;
    }

    AppConfig config() {
        if (config == null) {
            StringBuilder yaml = new StringBuilder("routing:\n  provider_order: [" + String.join(", ", servers.keySet())
                    + "]\nproviders:\n");
            servers.forEach((name, server) -> yaml.append("  ").append(name).append(":\n    base_url: ")
                    .append(server.baseUrl()).append("\n    tokens: []\n")
                    .append("    timeouts: {connect: 2s, read: 5s, overall: 5s}\n")
                    .append(withoutTextModel.contains(name) ? "    text_model: null\n" : ""));
            config = TestConfigs.load(yaml + withoutKeyless(extraYaml), env);
        }
        return config;
    }

    /// The keyless public endpoint is off unless a test turns it on (pointing at a loopback server): by
    /// default it names a public host, and no test may reach the internet.
    private static String withoutKeyless(String extra) {
        if (extra.contains("keyless")) {
            return extra;
        }
        return extra.contains("prompt:\n") ? extra.replace("prompt:\n", "prompt:\n  keyless: {enabled: false}\n")
                : extra + "prompt:\n  keyless: {enabled: false}\n";
    }

    /// A preparer with its own cache connection to the ledger file (like another process would have).
    ProviderPromptPreparer preparer() {
        SqlitePromptCache cache = new SqlitePromptCache(dbFile, clock);
        caches.add(cache);
        return new ProviderPromptPreparer(config(), ledger, http, clock, cache);
    }

    /// The engine whose attempt engine the prompt steps run on (images are not made here).
    Engine engine() {
        if (engine == null) {
            engine = new Engine(config(), Map.of(), TokenPool.fromConfig(config()), ledger, null,
                    PromptPreparer.NONE, clock);
        }
        return engine;
    }

    RoutePlan plan(ImageRequest request) {
        return new RoutePlanner(config(), TokenPool.fromConfig(config()), Set.of(ProviderId.values())).plan(request);
    }

    PreparedPrompt prepare(ProviderPromptPreparer preparer, ImageRequest request) {
        return prepare(preparer, request, plan(request), new CallScope());
    }

    PreparedPrompt prepare(ProviderPromptPreparer preparer, ImageRequest request, RoutePlan plan, CallScope scope) {
        return preparer.prepare(request, plan, engine().texts(events::add, scope), events::add, scope);
    }

    PreparedPrompt prepare(ImageRequest request) {
        return prepare(preparer(), request);
    }

    static ImageRequest optimise(String prompt) {
        return ImageRequest.of(prompt);
    }

    /// A request for `model` with the given switches and a 180 s timeout.
    static ImageRequest request(String prompt, String model, boolean optimise, boolean translate) {
        return new ImageRequest(prompt, null, model, AspectRatio.SQUARE, null, null, null, false, optimise, translate,
                1, Duration.ofSeconds(180));
    }

    Token token(ProviderId provider, int ordinal) {
        return TokenPool.fromConfig(config()).tokens(provider).get(ordinal - 1);
    }

    TokenState state(ProviderId provider, int ordinal, String model) {
        return ledger.state(token(provider, ordinal), model, clock.instant());
    }

    static Token token(ProviderId provider, int ordinal, String value) {
        return new Token(provider, ordinal, new Secret(value), "config");
    }

    static List<String> chain(PreparedPrompt prepared) {
        return prepared.attempts().stream().map(AttemptRecord::chainEntry).toList();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        caches.forEach(SqlitePromptCache::close);
        ledger.close();
        HttpClients.shutdown(http);
    }
}
