package io.quotacanvas.token.probe;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.TokenState;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/// Runs a token's probe and tells the ledger what it proved: a rejected token is marked invalid; a passing
/// test brings an invalid token back (coolings stay: a spent token still answers free requests). Quota and
/// network results change nothing. Blocking; thread-safe.
public final class TokenTester {
    private final Map<ProviderId, TokenProbe> probes;
    private final Ledger ledger;
    private final Clock clock;

    public TokenTester(Map<ProviderId, TokenProbe> probes, Ledger ledger, Clock clock) {
        this.probes = new EnumMap<>(probes);
        this.ledger = ledger;
        this.clock = clock;
    }

    /// Tests `token` and records the verdict in the ledger.
    public ProbeResult test(Token token) {
        TokenProbe probe = probes.getOrDefault(token.provider(), TokenProbe.none(token.provider().wireName()));
        ProbeResult result = probe.probe(token);
        if (token.isAnonymous()) {
            return result;
        }
        switch (result.kind()) {
            case INVALID -> ledger.invalidate(token, result.message(), clock.instant());
            case OK -> {
                if (ledger.state(token, null, clock.instant()) instanceof TokenState.Invalid) {
                    ledger.clear(token);
                }
            }
            default -> {
                // a spent or unreachable token is the image path's business; a test proves nothing new
            }
        }
        return result;
    }
}
