package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.QuotaCanvas;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.TokenVaults;
import io.quotacanvas.ui.I18n;
import io.quotacanvas.ui.TaskService;
import io.quotacanvas.ui.service.CoreStudioServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/// The real core (config, file vault, SQLite ledger, probes) in a temp `QUOTA_CANVAS_HOME`, with Gitee's
/// `GET /models` probe on a loopback server that accepts only [#GOOD] (unless told to accept any), and a
/// token manager over it with a same-thread task service. Close it after each test.
final class TokenDesk implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    static final String GOOD = "gitee-good-token-0001";
    static final String CONFIG_TOKEN = "gitee-config-token-7c01";
    static final String ENV_TOKEN = "gitee-env-token-7e02";

    final Path home;
    final TestClock clock = new TestClock(START);
    final MockWebServer server = new MockWebServer();
    final QuotaCanvas core;
    final CoreStudioServices services;
    final I18n i18n = new I18n(Locale.ENGLISH);
    final List<Throwable> unexpected = new ArrayList<>();
    final TokenManagerViewModel vm;
    final StatusViewModel status;
    volatile boolean acceptAny;
    int poolChanges;

    TokenDesk(Path home, boolean readOnlyTokens) throws Exception {
        this.home = home;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String auth = r.getHeaders().get("Authorization");
                boolean ok = r.getTarget().endsWith("/models") && auth != null
                        && (acceptAny || auth.equals("Bearer " + GOOD));
                return ok ? new MockResponse.Builder().code(200).body("{\"data\":[]}").build()
                        : new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Incorrect API key provided.\",\"type\":"
                                + "\"invalid_request_error\",\"code\":\"invalid_api_key\"}}").build();
            }
        });
        server.start();
        Files.writeString(home.resolve("config.yaml"), """
                routing:
                  provider_order: [gitee, modelscope]
                providers:
                  gitee:
                    base_url: %s
                    tokens: [%s]
                    timeouts: {connect: 2s, read: 2s, overall: 3s}
                """.formatted(server.url("/v1"), readOnlyTokens ? CONFIG_TOKEN : ""));
        Map<String, String> env = readOnlyTokens
                ? Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file",
                "QUOTA_CANVAS_GITEE_TOKENS", ENV_TOKEN)
                : Map.of("QUOTA_CANVAS_HOME", home.toString(), "QUOTA_CANVAS_VAULT", "file");
        core = QuotaCanvas.open(null, env, clock);
        services = new CoreStudioServices(core, clock);
        status = new StatusViewModel(services, TaskService.sameThread(), i18n, p -> { }, unexpected::add);
        vm = new TokenManagerViewModel(services.tokens(), TaskService.sameThread(), i18n, clock, ZoneOffset.UTC,
                () -> {
                    poolChanges++;
                    status.refresh();
                }, unexpected::add);
    }

    /// The vault as the command line sees it: opened separately, on the same folder.
    TokenVault cliVault() {
        return TokenVaults.file(home, clock);
    }

    void add(String pasted, String label) {
        vm.addProviderProperty().set(ProviderId.GITEE);
        vm.pastedProperty().set(pasted);
        vm.addLabelProperty().set(label);
        vm.add();
    }

    List<TokenRow> rows(ProviderId provider) {
        return List.copyOf(vm.section(provider).rows());
    }

    List<TokenRow> gitee() {
        return rows(ProviderId.GITEE);
    }

    static Token token(ProviderId provider, String value) {
        return new Token(provider, 0, new Secret(value), "vault");
    }

    @Override
    public void close() throws Exception {
        core.close();
        server.close();
    }
}
