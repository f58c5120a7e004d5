package io.quotacanvas.token.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Two real processes hammer `tryLease` on one token with a limit of 1: never both hold the slot, on the
/// SQLite file and on PostgreSQL alike.
class LeaseAcrossProcessesTest {
    private static final int ROUNDS = 300;
    private static final Pattern RESULT = Pattern.compile("MAX (\\d+) TAKEN (\\d+)");

    @TempDir
    Path dir;

    @Test
    void twoProcessesOnOneSqliteFileNeverHoldTheLastSlotTogether() throws Exception {
        Path db = dir.resolve("ledger.db");
        new SqliteLedger(db, ZoneOffset.UTC).close(); // created once, so neither child races the schema
        hammer(List.of("sqlite", db.toString()));
        try (SqliteLedger ledger = new SqliteLedger(db, ZoneOffset.UTC)) {
            assertEquals(0, ledger.leasesInFlight(LeaseHammerProcess.TOKEN, Instant.now()));
        }
    }

    @Test
    void twoProcessesOnOnePostgresDatabaseNeverHoldTheLastSlotTogether() throws Exception {
        TestPostgres pg = TestPostgres.shared();
        String database = pg.newDatabase();
        hammer(List.of("postgres", pg.jdbcUrl(database), TestPostgres.USER, TestPostgres.PASSWORD));
        try (Ledger ledger = PostgresLedgerTest.open(pg.target(database), ZoneOffset.UTC)) {
            assertEquals(0, ledger.leasesInFlight(LeaseHammerProcess.TOKEN, Instant.now()));
        }
    }

    private void hammer(List<String> store) throws Exception {
        Path counter = dir.resolve("holding.bin");
        List<Process> children = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        LeaseHammerProcess.class.getName(), counter.toString(), String.valueOf(ROUNDS)));
                command.addAll(store);
                children.add(new ProcessBuilder(command).redirectError(dir.resolve("child" + i + ".err").toFile())
                        .start());
            }
            List<BufferedReader> outs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var out = new BufferedReader(new InputStreamReader(children.get(i).getInputStream(),
                        StandardCharsets.UTF_8));
                assertEquals("READY", out.readLine(), errors(i));
                outs.add(out);
            }
            for (Process child : children) {
                try (Writer in = child.outputWriter(StandardCharsets.UTF_8)) {
                    in.write("GO\n");
                }
            }
            int taken = 0;
            for (int i = 0; i < 2; i++) {
                String line = outs.get(i).readLine();
                Matcher m = RESULT.matcher(line == null ? "" : line);
                assertTrue(m.matches(), "child " + i + " said " + line + "; " + errors(i));
                assertEquals(1, Integer.parseInt(m.group(1)), "most holders seen at once by child " + i);
                assertTrue(Integer.parseInt(m.group(2)) > 0, "child " + i + " never got the slot");
                taken += Integer.parseInt(m.group(2));
                assertTrue(children.get(i).waitFor(1, TimeUnit.MINUTES));
                assertEquals(0, children.get(i).exitValue(), errors(i));
            }
            assertTrue(taken >= 2);
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private String errors(int child) {
        try {
            return "child stderr: " + Files.readString(dir.resolve("child" + child + ".err"));
        } catch (Exception e) {
            return "child stderr unreadable: " + e;
        }
    }
}
