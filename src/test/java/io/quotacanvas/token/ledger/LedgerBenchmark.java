package io.quotacanvas.token.ledger;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.testing.BenchStats;
import io.quotacanvas.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// What one ledger call costs, SQLite file vs PostgreSQL (the embedded server on loopback, so network
/// latency is near zero; a database across a LAN adds its round trips), printed as p50/p99:
/// `mvn -B -Pbench verify -Dtest='LedgerBenchmark'`. The ledger holds 50 tokens with some coolings, as a
/// busy pool does; each call is timed alone after a warm-up.
class LedgerBenchmark {
    private static final int WARMUP = 300;
    private static final int MEASURED = 2000;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void stateLeaseAndSuccessOnSqliteAndPostgres() {
        try (Ledger sqlite = new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC)) {
            measure("SQLite    ", sqlite);
        }
        TestPostgres pg = TestPostgres.shared();
        try (Ledger postgres = PostgresLedgerTest.open(pg.target(pg.newDatabase()), ZoneOffset.UTC)) {
            measure("PostgreSQL", postgres);
        }
    }

    private static void measure(String name, Ledger ledger) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Token t = new Token(ProviderId.GITEE, i + 1, new Secret("gitee-bench-token-" + i), "config");
            tokens.add(t);
            if (i % 3 == 0) {
                ledger.cool(t, "flux", NOW.plusSeconds(3600), FailureClass.QUOTA_EXHAUSTED, "spent", NOW);
            }
        }
        String holder = Ledger.newHolderId();
        report(name, "state()", time(i -> ledger.state(tokens.get(i % 50), "flux", NOW)));
        report(name, "tryLease()+release()", time(i -> ledger.tryLease(tokens.get(i % 50), 1, holder, NOW,
                NOW.plusSeconds(60)).ifPresent(ledger::release)));
        report(name, "markSuccess()", time(i -> ledger.markSuccess(tokens.get(i % 50), "flux", NOW)));
    }

    private static List<Long> time(Consumer<Integer> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.accept(i);
        }
        List<Long> micros = new ArrayList<>(MEASURED);
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            call.accept(i);
            micros.add((System.nanoTime() - t0) / 1_000);
        }
        return micros;
    }

    private static void report(String ledger, String call, List<Long> micros) {
        BenchStats.print("%s %-22s p50 %6d µs   p99 %6d µs   (%d calls)".formatted(ledger, call,
                BenchStats.median(micros), BenchStats.percentile(micros, 99), micros.size()));
    }
}
