package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The provider's remaining-quota figures kept per token × model, and the schema step that added them.
class SqliteLedgerQuotaTest {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String RAW = "ms-token-value-abcdef123456";

    @TempDir
    Path dir;

    static Token token(String value) {
        return new Token(ProviderId.MODELSCOPE, 1, new Secret(value), "env:QUOTA_CANVAS_MODELSCOPE_TOKENS");
    }

    private SqliteLedger open() {
        return new SqliteLedger(dir.resolve("ledger.db"), ZoneOffset.UTC);
    }

    @Test
    void aTokenWithoutFiguresHasNone() {
        try (SqliteLedger ledger = open()) {
            assertEquals(Optional.empty(), ledger.lastQuota(token(RAW), "z-image-turbo"));
        }
    }

    @Test
    void theLastFiguresOfATokenAndModelAreKeptAcrossReopening() {
        QuotaSnapshot figures = new QuotaSnapshot(1999, 2000, 499, 500);
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "z-image-turbo", figures, NOW);
        }
        try (SqliteLedger reopened = open()) {
            assertEquals(Optional.of(figures), reopened.lastQuota(token(RAW), "z-image-turbo"));
        }
    }

    @Test
    void newerFiguresReplaceOlderOnesAndMissingFiguresStayMissing() {
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "z-image-turbo", new QuotaSnapshot(10, 2000, 5, 500), NOW);
            ledger.recordQuota(token(RAW), "z-image-turbo", new QuotaSnapshot(0, 2000, null, null),
                    NOW.plusSeconds(5));

            assertEquals(Optional.of(new QuotaSnapshot(0, 2000, null, null)),
                    ledger.lastQuota(token(RAW), "z-image-turbo"));
        }
    }

    @Test
    void figuresRecordedEarlierNeverReplaceLaterOnes() {
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "flux-2", new QuotaSnapshot(3, 2000, 1, 500), NOW);
            ledger.recordQuota(token(RAW), "flux-2", new QuotaSnapshot(9, 2000, 7, 500), NOW.minusSeconds(60));

            assertEquals(3, ledger.lastQuota(token(RAW), "flux-2").orElseThrow().requestsRemaining());
        }
    }

    @Test
    void figuresAreKeptPerModelAndPerToken() {
        Token other = token("ms-other-token-999999999999");
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "z-image-turbo", new QuotaSnapshot(100, 2000, 0, 500), NOW);
            ledger.recordQuota(token(RAW), "qwen-image", new QuotaSnapshot(99, 2000, 42, 500), NOW);
            ledger.recordQuota(other, "z-image-turbo", new QuotaSnapshot(7, 2000, 7, 500), NOW);

            assertEquals(0, ledger.lastQuota(token(RAW), "z-image-turbo").orElseThrow().modelRemaining());
            assertEquals(42, ledger.lastQuota(token(RAW), "qwen-image").orElseThrow().modelRemaining());
            assertEquals(7, ledger.lastQuota(other, "z-image-turbo").orElseThrow().requestsRemaining());
            assertEquals(Optional.empty(), ledger.lastQuota(other, "qwen-image"));
        }
    }

    @Test
    void aTokenWithFiguresIsListedForItsProvider() {
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "z-image-turbo", new QuotaSnapshot(1, 2000, 1, 500), NOW);

            assertEquals(token(RAW).fingerprint(), ledger.entries(ProviderId.MODELSCOPE, NOW).getFirst().fingerprint());
        }
    }

    @Test
    void theRawTokenNeverReachesTheFile() throws Exception {
        try (SqliteLedger ledger = open()) {
            ledger.recordQuota(token(RAW), "z-image-turbo", new QuotaSnapshot(1, 2000, 1, 500), NOW);
        }
        for (Path file : Files.list(dir).toList()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains(RAW), "raw token in " + file);
        }
    }

    @Test
    void aVersion1FileIsUpgradedInPlaceAndKeepsItsRows() throws Exception {
        Path file = dir.resolve("v1.db");
        Token t = token(RAW);
        Instant until = NOW.plus(Duration.ofHours(6));
        writeVersion1File(file, t.fingerprint(), until);

        try (SqliteLedger ledger = new SqliteLedger(file, ZoneOffset.UTC)) {
            assertEquals(new TokenState.Cooling(until, FailureClass.QUOTA_EXHAUSTED, "spent"),
                    ledger.state(t, "z-image-turbo", NOW));
            assertEquals(3, ledger.entries(ProviderId.MODELSCOPE, NOW).getFirst().imagesToday());
            ledger.recordQuota(t, "z-image-turbo", new QuotaSnapshot(0, 2000, 12, 500), NOW);
            assertEquals(12, ledger.lastQuota(t, "z-image-turbo").orElseThrow().modelRemaining());
        }
        assertEquals(LedgerSchema.VERSION, userVersion(file));
    }

    /// A ledger exactly as version 1 wrote it: its four tables, a cooling row, a token and a usage count.
    private static void writeVersion1File(Path file, String fingerprint, Instant until) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE token_state (
                      fingerprint TEXT NOT NULL, model TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL,
                      kind TEXT NOT NULL CHECK (kind IN ('cooling', 'invalid')), until_ms INTEGER,
                      reason TEXT, message TEXT, updated_ms INTEGER NOT NULL,
                      PRIMARY KEY (fingerprint, model)) WITHOUT ROWID""");
            s.execute("CREATE INDEX token_state_provider ON token_state (provider)");
            s.execute("""
                    CREATE TABLE token (
                      fingerprint TEXT PRIMARY KEY, provider TEXT NOT NULL,
                      first_seen_ms INTEGER NOT NULL, last_used_ms INTEGER) WITHOUT ROWID""");
            s.execute("CREATE INDEX token_provider ON token (provider)");
            s.execute("""
                    CREATE TABLE token_usage (
                      fingerprint TEXT NOT NULL, day TEXT NOT NULL, images INTEGER NOT NULL,
                      PRIMARY KEY (fingerprint, day)) WITHOUT ROWID""");
            s.execute("""
                    CREATE TABLE model_unavailable (
                      provider TEXT NOT NULL, model TEXT NOT NULL, until_ms INTEGER NOT NULL,
                      message TEXT, updated_ms INTEGER NOT NULL,
                      PRIMARY KEY (provider, model)) WITHOUT ROWID""");
            s.execute("INSERT INTO token_state VALUES ('" + fingerprint + "', '', 'modelscope', 'cooling', "
                    + until.toEpochMilli() + ", 'quota_exhausted', 'spent', " + NOW.toEpochMilli() + ")");
            s.execute("INSERT INTO token VALUES ('" + fingerprint + "', 'modelscope', " + NOW.toEpochMilli() + ", "
                    + NOW.toEpochMilli() + ")");
            s.execute("INSERT INTO token_usage VALUES ('" + fingerprint + "', '2026-03-01', 3)");
            s.execute("PRAGMA user_version = 1");
        }
        assertEquals(1, userVersion(file));
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
