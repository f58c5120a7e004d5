package io.quotacanvas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.modelscope.FakeModelScopeServer;
import io.quotacanvas.testing.CliHarness;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.TokenState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/// ModelScope through the real command line, engine, adapter and ledger: tokens are retired when the
/// provider's remaining figures reach zero, before a request fails, and the figures are kept.
class ModelScopeScenarioTest {
    private static final String ONE = "ms-token-one-0001";
    private static final String TWO = "ms-token-two-0002";
    private static final String MODEL_ID = "Tongyi-MAI/Z-Image-Turbo";
    // the harness clock starts at 2026-11-24T08:00Z, 16:00 in Shanghai: the reset is the next Shanghai midnight
    private static final String BEIJING_MIDNIGHT = "2026-11-24T16:00:00Z";

    @TempDir
    Path home;

    private FakeModelScopeServer modelscope;
    private CliHarness cli;

    @BeforeEach
    void start() {
        modelscope = new FakeModelScopeServer();
        cli = new CliHarness(home);
        cli.config("""
                routing:
                  provider_order: [modelscope]
                providers:
                  modelscope:
                    base_url: %s
                    tokens: []
                    timeouts: {connect: 2s, read: 2s, overall: 20s}
                    options:
                      poll_interval: 50ms
                """.formatted(modelscope.baseUrl()));
        cli.env("QUOTA_CANVAS_MODELSCOPE_TOKENS", ONE + "," + TWO);
    }

    @AfterEach
    void stop() {
        modelscope.close();
    }

    @Test
    void aTokenWhoseLastRequestSucceededIsRetiredBeforeItFailsAndTheNextTokenServes() {
        modelscope.account(ONE, 1, 2000);

        var first = cli.run("--prompt", "lanterns over a river", "--json", "--no-optimize-prompt");
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(List.of("modelscope/z-image-turbo (ms#1 …0001): success"), strings(first.json(), "fallback_chain"));
        long sentWithOne = modelscope.requestsWithToken(ONE);

        var second = cli.run("--prompt", "a paper crane", "--json", "--no-optimize-prompt");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(sentWithOne, modelscope.requestsWithToken(ONE), "the spent token must not be sent again");
        assertEquals(List.of("modelscope/z-image-turbo (ms#1 …0001): skipped (cooling (quota_exhausted))",
                "modelscope/z-image-turbo (ms#2 …0002): success"), strings(second.json(), "fallback_chain"));
        assertEquals(BEIJING_MIDNIGHT, second.json().get("attempts").get(0).get("cooling_until").asString());
    }

    @Test
    void aLimitAnswerOnTheSecondTokenCoolsItAndTheLedgerKeepsTheLastFigures() {
        modelscope.account(ONE, 1, 2000);
        assertEquals(0, cli.run("--prompt", "first", "--quiet", "--no-optimize-prompt").exitCode());
        assertEquals(0, cli.run("--prompt", "second", "--quiet", "--no-optimize-prompt").exitCode());
        // another client spends what token two had left
        modelscope.account(TWO, 0, 2000);

        var third = cli.run("--prompt", "third", "--json", "--no-optimize-prompt");

        assertEquals(ExitCode.NONE, third.exitCode(), third.stdout());
        JsonNode spent = third.json().get("attempts").get(1);
        assertEquals("quota_exhausted", spent.get("outcome").asString());
        assertEquals(429, spent.get("http_status").asInt());
        assertEquals(BEIJING_MIDNIGHT, spent.get("cooling_until").asString());
        try (SqliteLedger ledger = new SqliteLedger(home.resolve("state").resolve("ledger.db"))) {
            Instant now = cli.clock.instant();
            assertEquals(new TokenState.Cooling(Instant.parse(BEIJING_MIDNIGHT), FailureClass.QUOTA_EXHAUSTED,
                    spent.get("message").asString()), ledger.state(token(2, TWO), "z-image-turbo", now));
            assertEquals(Optional.of(new QuotaSnapshot(0, 2000, FakeModelScopeServer.MODEL_LIMIT - 1,
                    FakeModelScopeServer.MODEL_LIMIT)), ledger.lastQuota(token(1, ONE), "z-image-turbo"));
            assertEquals(Optional.of(new QuotaSnapshot(1999, 2000, FakeModelScopeServer.MODEL_LIMIT - 1,
                    FakeModelScopeServer.MODEL_LIMIT)), ledger.lastQuota(token(2, TWO), "z-image-turbo"));
        }
    }

    @Test
    void aModelsSpentDailyCapCoolsOnlyThatModelOfTheToken() {
        modelscope.model(ONE, MODEL_ID, 1, 500).model(TWO, MODEL_ID, 0, 500);

        var first = cli.run("--prompt", "tea house", "--json", "--no-optimize-prompt");
        assertEquals(0, first.exitCode(), first.stderr());
        var second = cli.run("--prompt", "bamboo", "--json", "--no-optimize-prompt");

        assertEquals(ExitCode.NONE, second.exitCode(), second.stdout());
        try (SqliteLedger ledger = new SqliteLedger(home.resolve("state").resolve("ledger.db"))) {
            Instant now = cli.clock.instant();
            for (Token t : List.of(token(1, ONE), token(2, TWO))) {
                assertEquals(Instant.parse(BEIJING_MIDNIGHT),
                        ((TokenState.Cooling) ledger.state(t, "z-image-turbo", now)).until(), t.label());
                assertEquals(TokenState.READY, ledger.state(t, "qwen-image", now), "other models stay usable");
            }
        }
        var qwen = cli.run("--prompt", "bamboo", "--model", "qwen-image", "--json", "--no-optimize-prompt");
        assertEquals(0, qwen.exitCode(), qwen.stderr());
        assertEquals("qwen-image", qwen.json().get("model").asString());
        assertFalse(qwen.stdout().contains(ONE) || qwen.stderr().contains(ONE), "raw token printed");
    }

    @Test
    void aTaskFailedForArrearsMovesToTheNextTokenAtOnceInsteadOfRestingTheProvider() {
        modelscope.failTasksOf(ONE, "{\"errors\":{\"code\":\"Arrearage\",\"message\":\"Access denied, please"
                + " make sure your account is in good standing.\"}}");

        var first = cli.run("--prompt", "koi pond", "--json", "--no-optimize-prompt");

        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(List.of("modelscope/z-image-turbo (ms#1 …0001): quota_exhausted",
                "modelscope/z-image-turbo (ms#2 …0002): success"), strings(first.json(), "fallback_chain"));
        assertEquals(BEIJING_MIDNIGHT, first.json().get("attempts").get(0).get("cooling_until").asString());
        // one task per token: no same-token retry of a spent token, and the provider was not rested
        assertEquals(2, modelscope.submits().size());
        var second = cli.run("--prompt", "lotus", "--json", "--no-optimize-prompt");
        assertEquals(0, second.exitCode(), second.stderr());
        assertEquals(3, modelscope.submits().size(), "the spent token is not sent again today");
    }

    @Test
    void hdFluxStaysWithinModelScopesFluxSizeRangeWithTheSeedsGuidance() {
        var run = cli.run("--prompt", "tea house", "--model", "flux-1", "--enable-hd", "--aspect-ratio", "16:9",
                "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        String body = modelscope.submits().getFirst().getBody().utf8();
        assertTrue(body.contains("\"model\":\"MusePublic/489_ckpt_FLUX_1\""), body);
        // x2 would ask for 2048x1152; ModelScope documents FLUX sizes up to 1024
        assertTrue(body.contains("\"size\":\"1024x576\""), body);
        assertTrue(body.contains("\"steps\":20") && body.contains("\"guidance\":3.5"), body);
    }

    @Test
    void a403CoolsOnlyThisTokenForThisModel() {
        modelscope.nextSubmit(FakeModelScopeServer.json(403,
                "{\"errors\":{\"message\":\"You do not have permission to access this model\"}}").build());

        var run = cli.run("--prompt", "tea house", "--json", "--no-optimize-prompt");

        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(List.of("modelscope/z-image-turbo (ms#1 …0001): auth_failed",
                "modelscope/z-image-turbo (ms#2 …0002): success"), strings(run.json(), "fallback_chain"));
        try (SqliteLedger ledger = new SqliteLedger(home.resolve("state").resolve("ledger.db"))) {
            Instant now = cli.clock.instant();
            TokenState.Cooling cooling = (TokenState.Cooling) ledger.state(token(1, ONE), "z-image-turbo", now);
            assertEquals(Instant.parse(BEIJING_MIDNIGHT), cooling.until());
            assertEquals(FailureClass.AUTH_FAILED, cooling.reason());
            assertEquals(TokenState.READY, ledger.state(token(1, ONE), "qwen-image", now), "kept for other models");
        }
    }

    private static Token token(int ordinal, String value) {
        return new Token(ProviderId.MODELSCOPE, ordinal, new Secret(value), "env:QUOTA_CANVAS_MODELSCOPE_TOKENS");
    }

    private static List<String> strings(JsonNode json, String field) {
        List<String> out = new ArrayList<>();
        json.get(field).forEach(n -> out.add(n.asString()));
        return out;
    }
}
