package io.quotacanvas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `ledger:` — the local file by default, a PostgreSQL URL to share it; mistakes at their lines, and never
/// a password in a problem.
class LedgerConfigTest {
    @TempDir
    Path dir;

    private LedgerConfig load(String yaml, Map<String, String> env) {
        try {
            return ConfigLoader.load(ConfigTestSupport.write(dir, yaml), env).ledger();
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void withoutAUrlTheLedgerIsTheLocalFile() {
        LedgerConfig ledger = load("routing: {max_parallel: 2}\n", Map.of());

        assertFalse(ledger.shared());
        assertEquals(Duration.ofSeconds(3), ledger.connectTimeout());
    }

    @Test
    void aUrlWithUserAndPasswordIsSplitSoTheJdbcUrlAndTheDisplayHoldNoPassword() {
        LedgerConfig ledger = load("""
                ledger:
                  url: postgresql://alice:s3cr%40t@db.example.com/quota_canvas?sslmode=require&sslpassword=k3y
                  connect_timeout: 2s
                """, Map.of());

        assertTrue(ledger.shared());
        assertEquals("jdbc:postgresql://db.example.com:5432/quota_canvas?sslmode=require&sslpassword=k3y",
                ledger.jdbcUrl());
        assertEquals("alice", ledger.user());
        assertEquals("s3cr@t", ledger.password());
        // the driver's parameters stay out of what is shown: sslpassword is a secret too
        assertEquals("postgresql://alice@db.example.com:5432/quota_canvas", ledger.display());
        assertEquals(Duration.ofSeconds(2), ledger.connectTimeout());
        assertFalse(ledger.toString().contains("s3cr"));
    }

    @Test
    void thePasswordCanComeFromTheEnvironmentAndJdbcUrlsAreAccepted() {
        LedgerConfig ledger = load("""
                ledger:
                  url: jdbc:postgresql://127.0.0.1:6543/qc?user=bob
                  password: ${QC_DB_PASSWORD}
                """, Map.of("QC_DB_PASSWORD", "from-env"));

        assertEquals("jdbc:postgresql://127.0.0.1:6543/qc", ledger.jdbcUrl());
        assertEquals("bob", ledger.user());
        assertEquals("from-env", ledger.password());
        assertEquals("postgresql://bob@127.0.0.1:6543/qc", ledger.display());
    }

    @Test
    void mistakesAreReportedAtTheirLinesWithoutQuotingThePassword() {
        Path file = ConfigTestSupport.write(dir, """
                ledger:
                  url: mysql://root:hunter2-CANARY@db/qc
                  connect_timeout: 5m
                  pasword: x
                """);

        List<ConfigProblem> problems = ConfigTestSupport.problems(file, Map.of());

        assertEquals(List.of("2 ledger.url", "3 ledger.connect_timeout", "4 ledger.pasword"),
                ConfigTestSupport.linesAndPaths(problems).stream().sorted().toList());
        assertTrue(problems.stream().noneMatch(p -> p.toString().contains("hunter2")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.toString().contains("must be a PostgreSQL URL like")));
    }

    @Test
    void aPasswordGivenTwiceOrWithoutAUrlIsAProblem() {
        List<ConfigProblem> twice = ConfigTestSupport.problems(ConfigTestSupport.write(dir, """
                ledger:
                  url: postgresql://alice:one@db/qc
                  password: two
                """), Map.of());
        List<ConfigProblem> alone = ConfigTestSupport.problems(ConfigTestSupport.write(dir, """
                ledger:
                  password: two
                """), Map.of());

        assertEquals(List.of("3 ledger.password"), ConfigTestSupport.linesAndPaths(twice));
        assertEquals(List.of("2 ledger.password"), ConfigTestSupport.linesAndPaths(alone));
    }

    @Test
    void aUrlWithoutDatabaseOrHostIsRefused() {
        for (String url : List.of("postgresql://db.example.com", "postgresql:///qc", "postgresql://db/a/b")) {
            List<ConfigProblem> problems = ConfigTestSupport.problems(ConfigTestSupport.write(dir,
                    "ledger:\n  url: " + url + "\n"), Map.of());
            assertEquals(List.of("2 ledger.url"), ConfigTestSupport.linesAndPaths(problems), url);
        }
    }

    @Test
    void anUnsetVariableInTheUrlIsAProblemNotAnEmptyUrl() {
        List<ConfigProblem> problems = ConfigTestSupport.problems(ConfigTestSupport.write(dir,
                "ledger:\n  url: ${QC_LEDGER_URL}\n"), Map.of());

        assertEquals(List.of("2 ledger.url"), ConfigTestSupport.linesAndPaths(problems));
        assertNull(load("ledger:\n  url: ${QC_LEDGER_URL:-}\n", Map.of()).jdbcUrl());
    }
}
