package io.quotacanvas.token.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.TokenState;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The engine's view of the ledger: what already happened is recorded if possible and never throws; what
/// decides whether a token may be used still fails loudly.
class BestEffortWritesTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Token TOKEN = new Token(ProviderId.GITEE, 1, new Secret("gitee-token-0001"), "config");

    @TempDir
    Path dir;

    @Test
    void writesGoThroughWhileTheLedgerWorks() {
        try (Ledger ledger = new BestEffortWrites(new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC))) {
            ledger.cool(TOKEN, null, NOW.plusSeconds(60), FailureClass.RATE_LIMITED, "slow", NOW);

            assertEquals(new TokenState.Cooling(NOW.plusSeconds(60), FailureClass.RATE_LIMITED, "slow"),
                    ledger.state(TOKEN, null, NOW));
        }
    }

    @Test
    void aFailingLedgerLosesTheWritesButNotTheRunWhileReadsStillFail() {
        Ledger broken = new ForwardingLedger(new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC)) {
            @Override
            public void markSuccess(Token token, String model, Instant now) {
                throw new LedgerException("ledger database postgresql://db/qc can't be reached");
            }

            @Override
            public void cool(Token token, String model, Instant until, FailureClass reason, String message,
                             Instant now) {
                throw new LedgerException("ledger database postgresql://db/qc can't be reached");
            }

            @Override
            public void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
                throw new LedgerException("ledger database postgresql://db/qc can't be reached");
            }

            @Override
            public TokenState state(Token token, String model, Instant now) {
                throw new LedgerException("ledger database postgresql://db/qc can't be reached");
            }
        };
        try (Ledger ledger = new BestEffortWrites(broken)) {
            ledger.markSuccess(TOKEN, "flux", NOW);
            ledger.cool(TOKEN, null, NOW.plusSeconds(60), FailureClass.RATE_LIMITED, "slow", NOW);
            ledger.recordQuota(TOKEN, "flux", new QuotaSnapshot(1, 2, 3, 4), NOW);

            assertThrows(LedgerException.class, () -> ledger.state(TOKEN, null, NOW));
        }
    }
}
