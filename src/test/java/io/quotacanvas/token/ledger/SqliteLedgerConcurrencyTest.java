package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static io.quotacanvas.token.ledger.LedgerWriterProcess.NOW;
import static io.quotacanvas.token.ledger.LedgerWriterProcess.SHARED;
import static io.quotacanvas.token.ledger.LedgerWriterProcess.UNTIL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void manyThreadsSharingOneLedgerLoseNoWrite() throws Exception {
        Path dbFile = dir.resolve("ledger.db");
        int threads = 8;
        int perThread = 150;
        try (SqliteLedger ledger = new SqliteLedger(dbFile, ZoneOffset.UTC);
             ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "thread" + t;
                futures.add(pool.submit(() -> {
                    start.await();
                    LedgerWriterProcess.writeBatch(ledger, tag, perThread);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }

            for (int t = 0; t < threads; t++) {
                assertAllCooling(ledger, "thread" + t, perThread);
            }
            assertEquals(threads * perThread, imagesOfShared(ledger));
        }
    }

    @Test
    void twoProcessesSharingOneLedgerFileSeeEveryWrite() throws Exception {
        Path dbFile = dir.resolve("shared").resolve("ledger.db");
        int count = 1000;
        try (SqliteLedger ledger = new SqliteLedger(dbFile, ZoneOffset.UTC)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    LedgerWriterProcess.class.getName(), dbFile.toString(), "child", String.valueOf(count))
                    .redirectError(dir.resolve("child.err").toFile())
                    .start();
            try {
                var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine(), () -> childErrors());
                try (Writer in = child.outputWriter(StandardCharsets.UTF_8)) {
                    in.write("GO\n");
                }
                LedgerWriterProcess.writeBatch(ledger, "parent", count);

                assertEquals("DONE", out.readLine(), () -> childErrors());
                assertTrue(child.waitFor(2, TimeUnit.MINUTES), "child did not finish");
                assertEquals(0, child.exitValue(), () -> childErrors());
            } finally {
                child.destroyForcibly();
            }

            assertAllCooling(ledger, "parent", count);
            assertAllCooling(ledger, "child", count);
            assertEquals(2 * count, imagesOfShared(ledger));
        }
        try (SqliteLedger nextRun = new SqliteLedger(dbFile, ZoneOffset.UTC)) {
            assertAllCooling(nextRun, "child", count);
        }
    }

    @Test
    void aLedgerLockedTooLongByAnotherProcessGivesALedgerExceptionAndThenRecovers() throws Exception {
        Path dbFile = dir.resolve("ledger.db");
        Token t = LedgerWriterProcess.own("locked", 0);
        try (SqliteLedger ledger = new SqliteLedger(dbFile, ZoneOffset.UTC, Duration.ofMillis(200))) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dbFile);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");

                LedgerException e = assertThrows(LedgerException.class,
                        () -> ledger.cool(t, null, UNTIL, FailureClass.RATE_LIMITED, "slow", NOW));

                assertTrue(e.getMessage().contains("locked by another Quota Canvas process"), e.getMessage());
                s.execute("ROLLBACK");
            }
            ledger.cool(t, null, UNTIL, FailureClass.RATE_LIMITED, "slow", NOW);
            assertTrue(ledger.state(t, null, NOW) instanceof TokenState.Cooling);
        }
    }

    private String childErrors() {
        try {
            return "child stderr: " + Files.readString(dir.resolve("child.err"));
        } catch (Exception e) {
            return "child stderr unreadable: " + e;
        }
    }

    private static void assertAllCooling(Ledger ledger, String tag, int count) {
        for (int i = 0; i < count; i++) {
            assertEquals(new TokenState.Cooling(UNTIL, FailureClass.RATE_LIMITED, tag + " " + i),
                    ledger.state(LedgerWriterProcess.own(tag, i), "m", NOW), tag + " " + i);
        }
    }

    private static int imagesOfShared(Ledger ledger) {
        return ledger.entries(ProviderId.GITEE, NOW).stream()
                .filter(e -> e.fingerprint().equals(SHARED.fingerprint()) && e.model().isEmpty())
                .findFirst().orElseThrow().imagesToday();
    }
}
