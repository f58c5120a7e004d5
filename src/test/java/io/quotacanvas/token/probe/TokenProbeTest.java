package io.quotacanvas.token.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.probe.ProbeResult.Kind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Token probes against loopback servers speaking each provider's wire protocol.
class TokenProbeTest {
    static final String TOKEN = "sk-probe-token-7f3a9c2e";

    @TempDir
    Path dir;
    final MockWebServer server = new MockWebServer();
    final OkHttpClient http = HttpClients.newBase();
    AppConfig config;

    @BeforeEach
    void start() throws Exception {
        server.start();
        String base = server.url("/v1").toString();
        config = TestConfigs.load("""
                providers:
                  openai_compatible: {base_url: %s, timeouts: {connect: 2s, read: 2s, overall: 3s}}
                  a4f: {base_url: %s, timeouts: {connect: 2s, read: 2s, overall: 3s}}
                  gitee: {base_url: %s, timeouts: {connect: 2s, read: 2s, overall: 3s}}
                  huggingface: {hub_url: %s, timeouts: {connect: 2s, read: 2s, overall: 3s}}
                """.formatted(base, base, base, server.url("/")), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
        HttpClients.shutdown(http);
    }

    TokenProbe probe(ProviderId id) {
        return TokenProbes.forProvider(config.provider(id), http, Clock.systemUTC());
    }

    static Token token(ProviderId id) {
        return new Token(id, 1, new Secret(TOKEN), "vault");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void anOpenAiCompatibleTokenIsOkWhenModelsAnswers() throws Exception {
        server.enqueue(json(200, "{\"object\":\"list\",\"data\":[]}"));

        ProbeResult r = probe(ProviderId.OPENAI_COMPATIBLE).probe(token(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(Kind.OK, r.kind(), r.message());
        RecordedRequest req = server.takeRequest();
        assertEquals("GET", req.getMethod());
        assertEquals("/v1/models", req.getTarget());
        assertEquals("Bearer " + TOKEN, req.getHeaders().get("Authorization"));
    }

    @Test
    void a401IsInvalidWithTheProvidersWordsAndNoToken() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + TOKEN
                + "\",\"code\":\"invalid_api_key\"}}"));

        ProbeResult r = probe(ProviderId.OPENAI_COMPATIBLE).probe(token(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(Kind.INVALID, r.kind());
        assertEquals(401, r.httpStatus());
        assertTrue(r.message().contains("Incorrect API key provided"), r.message());
        assertFalse(r.message().contains(TOKEN), "the echoed token is masked: " + r.message());
    }

    @Test
    void a429IsQuota() {
        server.enqueue(json(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"code\":"
                + "\"insufficient_quota\"}}"));

        ProbeResult r = probe(ProviderId.OPENAI_COMPATIBLE).probe(token(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(Kind.QUOTA, r.kind(), r.message());
        assertTrue(r.failed());
    }

    @Test
    void aServerThatIsGoneIsUnreachable() {
        server.close();

        ProbeResult r = probe(ProviderId.OPENAI_COMPATIBLE).probe(token(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(Kind.UNREACHABLE, r.kind(), r.message());
        assertTrue(r.message().startsWith("openai_compatible could not be reached"), r.message());
    }

    @Test
    void huggingFaceAsksWhoamiOnTheHub() throws Exception {
        server.enqueue(json(200, "{\"type\":\"user\",\"name\":\"ada\"}"));

        ProbeResult r = probe(ProviderId.HUGGINGFACE).probe(token(ProviderId.HUGGINGFACE));

        assertEquals(Kind.OK, r.kind());
        assertEquals("token accepted by Hugging Face (account ada)", r.message());
        RecordedRequest req = server.takeRequest();
        assertEquals("/api/whoami-v2", req.getTarget());
        assertEquals("Bearer " + TOKEN, req.getHeaders().get("Authorization"));
    }

    @Test
    void huggingFaceRejectingTheTokenIsInvalid() {
        server.enqueue(json(401, "{\"error\":\"Invalid credentials in Authorization header\"}"));

        assertEquals(Kind.INVALID, probe(ProviderId.HUGGINGFACE).probe(token(ProviderId.HUGGINGFACE)).kind());
    }

    @Test
    void a4fReadsThePlanFromUsageAndARejectedUsageMeansInvalid() throws Exception {
        server.enqueue(json(200, "{\"data\":[]}"));
        server.enqueue(json(200, "{\"account_information\":{\"plan\":\"free\",\"is_enabled\":true},"
                + "\"rate_limits\":{\"rpm\":10,\"rpd\":100}}"));
        server.enqueue(json(200, "{\"data\":[]}"));
        server.enqueue(json(401, "{\"error\":{\"message\":\"Invalid API key\"}}"));

        ProbeResult ok = probe(ProviderId.A4F).probe(token(ProviderId.A4F));
        ProbeResult bad = probe(ProviderId.A4F).probe(token(ProviderId.A4F));

        assertEquals(Kind.OK, ok.kind());
        assertTrue(ok.message().endsWith("; plan free, rpm 10, rpd 100"), ok.message());
        assertEquals("/v1/models", server.takeRequest().getTarget());
        assertEquals("/v1/usage", server.takeRequest().getTarget());
        assertEquals(Kind.INVALID, bad.kind());
    }

    @Test
    void giteeWithoutAModelsEndpointSaysThereIsNoFreeProbe() {
        server.enqueue(json(404, "{\"message\":\"Not Found\"}"));

        ProbeResult r = probe(ProviderId.GITEE).probe(token(ProviderId.GITEE));

        assertEquals(Kind.NO_PROBE, r.kind());
        assertTrue(r.message().startsWith("no free probe for gitee"), r.message());
        assertFalse(r.failed());
    }

    @Test
    void modelScopeSaysPlainlyThatItHasNoFreeProbeAndSendsNothing() {
        ProbeResult r = probe(ProviderId.MODELSCOPE).probe(token(ProviderId.MODELSCOPE));

        assertEquals(Kind.NO_PROBE, r.kind());
        assertEquals("no free probe for modelscope; the next image request will tell", r.message());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFailingTestInvalidatesTheTokenAndAPassingOneBringsItBack() {
        try (SqliteLedger ledger = new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC)) {
            TokenTester tester = new TokenTester(Map.of(ProviderId.OPENAI_COMPATIBLE,
                    probe(ProviderId.OPENAI_COMPATIBLE)), ledger, Clock.systemUTC());
            Token t = token(ProviderId.OPENAI_COMPATIBLE);
            server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
            server.enqueue(json(200, "{\"data\":[]}"));

            tester.test(t);
            TokenState after401 = ledger.state(t, "z-image-turbo", Clock.systemUTC().instant());
            tester.test(t);

            assertInstanceOf(TokenState.Invalid.class, after401);
            assertEquals(TokenState.READY, ledger.state(t, "z-image-turbo", Clock.systemUTC().instant()));
            assertTrue(ledger.entries(ProviderId.OPENAI_COMPATIBLE, Clock.systemUTC().instant()).stream()
                    .allMatch(e -> e.imagesToday() == 0), "a probe is not an image");
        }
    }

    @Test
    void aQuotaAnswerLeavesTheLedgerAlone() {
        try (SqliteLedger ledger = new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC)) {
            TokenTester tester = new TokenTester(Map.of(ProviderId.OPENAI_COMPATIBLE,
                    probe(ProviderId.OPENAI_COMPATIBLE)), ledger, Clock.systemUTC());
            server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}"));

            ProbeResult r = tester.test(token(ProviderId.OPENAI_COMPATIBLE));

            assertEquals(Kind.QUOTA, r.kind());
            assertTrue(ledger.entries(ProviderId.OPENAI_COMPATIBLE, Clock.systemUTC().instant()).isEmpty());
        }
    }

    @Test
    void theTokenNeverFollowsARedirectToAnotherHost() throws Exception {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            elsewhere.enqueue(json(200, "{\"data\":[]}"));
            // same machine, other origin: 127.0.0.1 vs localhost differ by host, the port differs too
            server.enqueue(new MockResponse.Builder().code(302)
                    .addHeader("Location", elsewhere.url("/v1/models").toString()).build());

            probe(ProviderId.OPENAI_COMPATIBLE).probe(token(ProviderId.OPENAI_COMPATIBLE));

            assertNull(elsewhere.takeRequest().getHeaders().get("Authorization"));
        }
    }
}
