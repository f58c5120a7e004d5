package io.quotacanvas.provider;

import static io.quotacanvas.provider.TestConfigs.CANARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class BearerAuthTest {
    private static final HttpUrl BASE = HttpUrl.get("https://gitee.example/v1");
    private static final Token TOKEN = TestConfigs.canaryToken(ProviderId.GITEE);

    private static String signedFor(String target, Token token) {
        HttpUrl url = HttpUrl.get(target);
        return BearerAuth.sign(new Request.Builder().url(url), BASE, url, token).build().header("Authorization");
    }

    @Test
    void signsRequestsToTheBaseOrigin() {
        assertEquals("Bearer " + CANARY, signedFor("https://gitee.example/v1/images/generations", TOKEN));
    }

    @Test
    void neverSignsAnotherHostPortOrScheme() {
        assertNull(signedFor("https://cdn.gitee.com/v1/images/generations", TOKEN));
        assertNull(signedFor("https://gitee.example:8443/v1/images/generations", TOKEN));
        assertNull(signedFor("http://gitee.example/v1/images/generations", TOKEN));
    }

    @Test
    void anonymousTokensSignNothing() {
        assertNull(signedFor("https://gitee.example/v1/x", Token.anonymous(ProviderId.GITEE)));
    }

    @Test
    void redactsTheTokenFromAnyFailureMessage() {
        Outcome.Failure leaky = new Outcome.RateLimited(429, "slow down, " + CANARY, null);

        Outcome.Failure clean = BearerAuth.redact(leaky, TOKEN);

        assertFalse(clean.toString().contains(CANARY));
        assertTrue(clean.message().endsWith("…7890"));
        assertTrue(clean instanceof Outcome.RateLimited);
    }

    @Test
    void redactionKeepsAModelOnlyQuotaModelOnly() {
        // regression: the rebuilt failure dropped the flag, cooling the whole token for one model's cap
        Outcome.Failure leaky = new Outcome.QuotaExhausted(429, "spent: " + CANARY, Instant.EPOCH, true);

        Outcome.QuotaExhausted clean = (Outcome.QuotaExhausted) BearerAuth.redact(leaky, TOKEN);

        assertTrue(clean.modelOnly());
        assertEquals(Instant.EPOCH, clean.resetAt());
        assertFalse(clean.message().contains(CANARY));
    }

    @Test
    void redactionKeepsACancellationACancellation() {
        Outcome.Failure leaky = Outcome.NetworkError.cancelled("stopped while sending " + CANARY);

        Outcome.NetworkError clean = (Outcome.NetworkError) BearerAuth.redact(leaky, TOKEN);

        assertTrue(clean.isCancellation());
        assertFalse(clean.message().contains(CANARY));
    }

    @Test
    void leavesCleanFailuresAlone() {
        Outcome.Failure clean = new Outcome.QuotaExhausted(402, "no credits", Instant.EPOCH);

        assertTrue(clean == BearerAuth.redact(clean, TOKEN));
    }
}
