package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLedgerTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATER = NOW.plus(Duration.ofHours(1));
    static final Instant MUCH_LATER = NOW.plus(Duration.ofHours(5));

    @TempDir
    Path dir;
    Path dbFile;
    SqliteLedger ledger;

    @BeforeEach
    void open() {
        dbFile = dir.resolve("state").resolve("nested").resolve("ledger.db");
        ledger = new SqliteLedger(dbFile, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    static Token token(String value) {
        return new Token(ProviderId.GITEE, 1, new Secret(value), "config");
    }

    @Test
    void anUnknownTokenIsReadyAndTheFileIsCreatedWithItsFolders() {
        assertEquals(TokenState.READY, ledger.state(token("gitee-aaaaaaaaaaaa"), "flux", NOW));
        assertTrue(Files.isRegularFile(dbFile));
    }

    @Test
    void aCooledTokenIsCoolingUntilItsInstantAndReadyFromThen() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "daily quota spent");

        TokenState cooling = ledger.state(t, "flux", NOW);
        assertEquals(new TokenState.Cooling(LATER, FailureClass.QUOTA_EXHAUSTED, "daily quota spent"), cooling);
        assertFalse(cooling.usable());
        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "flux", LATER.minusMillis(1)));
        assertEquals(TokenState.READY, ledger.state(t, "flux", LATER));
    }

    @Test
    void aModelCoolingBlocksOnlyThatModelWhileATokenWideCoolingBlocksAll() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow down");

        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "flux", NOW));
        assertEquals(TokenState.READY, ledger.state(t, "qwen-image", NOW));
        assertEquals(TokenState.READY, ledger.state(t, null, NOW));

        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent");
        assertInstanceOf(TokenState.Cooling.class, ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void theLongerOfTokenWideAndModelCoolingIsReported() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "wide");
        ledger.cool(t, "flux", MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "model");

        assertEquals(new TokenState.Cooling(MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "model"),
                ledger.state(t, "flux", NOW));
        assertEquals(new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "wide"),
                ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void aShorterCoolingNeverShortensALongerOneButALongerOneExtendsIt() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "spent");
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "slow down");
        assertEquals(new TokenState.Cooling(MUCH_LATER, FailureClass.QUOTA_EXHAUSTED, "spent"),
                ledger.state(t, null, NOW));

        Instant evenLater = MUCH_LATER.plusSeconds(60);
        ledger.cool(t, null, evenLater, FailureClass.RATE_LIMITED, "again");
        assertEquals(new TokenState.Cooling(evenLater, FailureClass.RATE_LIMITED, "again"),
                ledger.state(t, null, NOW));
    }

    @Test
    void anInvalidTokenStaysInvalidPastAnyCoolingUntilASuccess() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.invalidate(t, "401 invalid credentials", NOW);
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "ignored: already invalid");

        assertEquals(new TokenState.Invalid("401 invalid credentials", NOW), ledger.state(t, "flux", NOW));
        assertInstanceOf(TokenState.Invalid.class, ledger.state(t, "flux", NOW.plus(Duration.ofDays(400))));

        ledger.markSuccess(t, "flux", LATER);
        assertEquals(TokenState.READY, ledger.state(t, "flux", LATER));
    }

    @Test
    void invalidatingAgainKeepsTheFirstInstantAndWinsOverACooling() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, "flux", MUCH_LATER, FailureClass.RATE_LIMITED, "slow");
        ledger.invalidate(t, "first", NOW);
        ledger.invalidate(t, "second", LATER);

        assertEquals(new TokenState.Invalid("second", NOW), ledger.state(t, "flux", LATER));
    }

    @Test
    void clearRemovesInvalidAndEveryCoolingOfTheToken() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.invalidate(t, "401", NOW);
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow");

        ledger.clear(t);

        assertEquals(TokenState.READY, ledger.state(t, "flux", NOW));
        assertEquals(TokenState.READY, ledger.state(t, null, NOW));
    }

    @Test
    void successClearsTokenWideAndThatModelButNotOtherModels() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.RATE_LIMITED, "wide");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "flux");
        ledger.cool(t, "qwen-image", LATER, FailureClass.RATE_LIMITED, "qwen");

        ledger.markSuccess(t, "flux", NOW);

        assertEquals(TokenState.READY, ledger.state(t, "flux", NOW));
        assertEquals(new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "qwen"),
                ledger.state(t, "qwen-image", NOW));
    }

    @Test
    void aChangedTokenValueIsFreshBecauseItsFingerprintDiffers() {
        Token old = token("gitee-old-value-111111");
        Token replaced = new Token(ProviderId.GITEE, 1, new Secret("gitee-new-value-222222"), "config");
        ledger.invalidate(old, "401", NOW);
        ledger.cool(old, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent");

        assertEquals(TokenState.READY, ledger.state(replaced, "flux", NOW));
        assertInstanceOf(TokenState.Invalid.class, ledger.state(old, "flux", NOW));
    }

    @Test
    void theSameValueOnAnotherProviderIsAnotherToken() {
        Token gitee = token("shared-value-123456789");
        Token a4f = new Token(ProviderId.A4F, 1, new Secret("shared-value-123456789"), "config");
        ledger.cool(gitee, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent");

        assertEquals(TokenState.READY, ledger.state(a4f, null, NOW));
    }

    @Test
    void aModelIsUnavailableUntilItsInstantAndALaterMarkIsKept() {
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));

        ledger.markModelUnavailable(ProviderId.GITEE, "flux", MUCH_LATER, "404 model not found");
        ledger.markModelUnavailable(ProviderId.GITEE, "flux", LATER, "shorter");

        assertEquals(Optional.of(MUCH_LATER), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "qwen-image", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.A4F, "flux", NOW));
        assertEquals(Optional.empty(), ledger.modelUnavailableUntil(ProviderId.GITEE, "flux", MUCH_LATER));
    }

    @Test
    void entriesListEveryKnownTokenWithStateLastUsedAndImagesToday() {
        Token used = token("gitee-used-1111111111");
        Token cooled = token("gitee-cooled-22222222");
        Token otherProvider = new Token(ProviderId.A4F, 1, new Secret("a4f-333333333333"), "config");
        ledger.markSuccess(used, "flux", NOW.minus(Duration.ofDays(1)));
        ledger.markSuccess(used, "flux", NOW.minusSeconds(60));
        ledger.markSuccess(used, "flux", NOW);
        ledger.cool(cooled, "flux", LATER, FailureClass.RATE_LIMITED, "slow");
        ledger.markSuccess(otherProvider, "flux", NOW);

        List<LedgerEntry> entries = ledger.entries(ProviderId.GITEE, NOW);

        assertEquals(List.of(
                new LedgerEntry(used.fingerprint(), ProviderId.GITEE, "", TokenState.READY, NOW, 2),
                new LedgerEntry(cooled.fingerprint(), ProviderId.GITEE, "", TokenState.READY, null, 0),
                new LedgerEntry(cooled.fingerprint(), ProviderId.GITEE, "flux",
                        new TokenState.Cooling(LATER, FailureClass.RATE_LIMITED, "slow"), null, 0)),
                entries);
    }

    @Test
    void entriesDropExpiredModelCoolingsAndCountTheDayInTheLedgersZone() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.close();
        // 23:30 UTC is already the next day in Shanghai
        ledger = new SqliteLedger(dbFile, ZoneId.of("Asia/Shanghai"));
        ledger.markSuccess(t, "flux", Instant.parse("2026-03-01T15:30:00Z"));
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "slow");

        List<LedgerEntry> entries = ledger.entries(ProviderId.GITEE, Instant.parse("2026-03-01T16:30:00Z"));

        assertEquals(1, entries.size());
        assertEquals(0, entries.getFirst().imagesToday());
        assertEquals(1, ledger.entries(ProviderId.GITEE, Instant.parse("2026-03-01T15:59:00Z")).getFirst()
                .imagesToday());
    }

    @Test
    void aSecondRunOnTheSameFileSeesTheFirstRunsCoolingUntilItsInstant() {
        Token t = token("gitee-aaaaaaaaaaaa");
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent");
        ledger.invalidate(token("gitee-bad-00000000"), "401", NOW);
        ledger.markModelUnavailable(ProviderId.GITEE, "flux", LATER, "404");
        ledger.close();

        try (SqliteLedger secondRun = new SqliteLedger(dbFile, ZoneOffset.UTC)) {
            assertInstanceOf(TokenState.Cooling.class, secondRun.state(t, "flux", NOW));
            assertEquals(TokenState.READY, secondRun.state(t, "flux", LATER));
            assertInstanceOf(TokenState.Invalid.class, secondRun.state(token("gitee-bad-00000000"), null, LATER));
            assertEquals(Optional.of(LATER), secondRun.modelUnavailableUntil(ProviderId.GITEE, "flux", NOW));
        }
        ledger = new SqliteLedger(dbFile, ZoneOffset.UTC);
    }

    @Test
    void twoOpenInstancesSeeEachOthersWritesAtOnce() {
        try (SqliteLedger other = new SqliteLedger(dbFile, ZoneOffset.UTC)) {
            Token t = token("gitee-aaaaaaaaaaaa");
            other.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "spent");
            assertInstanceOf(TokenState.Cooling.class, ledger.state(t, null, NOW));
            ledger.clear(t);
            assertEquals(TokenState.READY, other.state(t, null, NOW));
        }
    }

    @Test
    void theRawTokenNeverReachesTheFileOrItsWriteAheadLog() throws Exception {
        String canary = "sk-canary-do-not-leak-1234567890";
        Token t = new Token(ProviderId.OPENAI_COMPATIBLE, 3, new Secret(canary), "env:QUOTA_CANVAS_OAI_TOKENS");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "rate limited");
        ledger.invalidate(t, "invalid_api_key", NOW);
        ledger.markSuccess(t, "flux", NOW);
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "insufficient_quota");

        assertCanaryAbsent(canary);
        ledger.close();
        assertCanaryAbsent(canary);
        ledger = new SqliteLedger(dbFile, ZoneOffset.UTC);
    }

    private void assertCanaryAbsent(String canary) throws Exception {
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        for (Path file : List.of(dbFile, Path.of(dbFile + "-wal"), Path.of(dbFile + "-shm"))) {
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                assertFalse(contains(bytes, needle), "raw token found in " + file.getFileName());
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aFileThatIsNotADatabaseGivesAnActionableLedgerException() throws Exception {
        Path garbage = dir.resolve("garbage.db");
        byte[] text = "this is certainly not an SQLite database, just some notes\n".repeat(40)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(garbage, text);

        LedgerException e = assertThrows(LedgerException.class, () -> new SqliteLedger(garbage));

        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains("move it away"), e.getMessage());
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(garbage), "the unusable file is left untouched");
    }

    @Test
    void aFolderInPlaceOfTheFileGivesAnActionableLedgerException() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("ledger-folder.db"));

        LedgerException e = assertThrows(LedgerException.class, () -> new SqliteLedger(folder));

        assertTrue(e.getMessage().startsWith("ledger file " + folder), e.getMessage());
    }

    @Test
    void aFileFromANewerVersionIsRefusedWithAnUpdateHint() throws Exception {
        ledger.close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dbFile);
             var s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (LedgerSchema.VERSION + 1));
        }

        LedgerException e = assertThrows(LedgerException.class, () -> new SqliteLedger(dbFile));

        assertTrue(e.getMessage().contains("newer Quota Canvas"), e.getMessage());
        ledger = new SqliteLedger(dir.resolve("fresh.db"));
    }

    @Test
    void callsAfterCloseAreRefusedAndCloseIsIdempotent() {
        ledger.close();
        ledger.close();
        Token t = token("gitee-aaaaaaaaaaaa");

        assertThrows(IllegalStateException.class, () -> ledger.state(t, null, NOW));
        assertThrows(IllegalStateException.class, () -> ledger.markSuccess(t, null, NOW));
        assertThrows(IllegalStateException.class, () -> ledger.entries(ProviderId.GITEE, NOW));
    }

    @Test
    void anonymousTokensAreTrackedLikeAnyOther() {
        Token anonymous = Token.anonymous(ProviderId.HUGGINGFACE);
        ledger.cool(anonymous, "flux", LATER, FailureClass.QUOTA_EXHAUSTED, "ZeroGPU quota");

        assertInstanceOf(TokenState.Cooling.class, ledger.state(anonymous, "flux", NOW));
        assertNull(ledger.entries(ProviderId.HUGGINGFACE, NOW).getFirst().lastUsed());
    }
}
