package io.quotacanvas.token.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The [Ledger] contract on an SQLite file, plus what only a file can get wrong.
class SqliteLedgerTest extends LedgerContract {

    @TempDir
    Path dir;

    Path dbFile() {
        return dir.resolve("state").resolve("nested").resolve("ledger.db");
    }

    @Override
    Ledger open(ZoneId zone) {
        return new SqliteLedger(dbFile(), zone);
    }

    @Test
    void theFileIsCreatedWithItsFoldersAndNamedInTheDescription() {
        assertTrue(Files.isRegularFile(dbFile()));
        assertEquals("SQLite " + dbFile().toAbsolutePath(), ledger.describe());
    }

    @Test
    void theRawTokenNeverReachesTheFileOrItsWriteAheadLog() throws Exception {
        String canary = "sk-canary-do-not-leak-1234567890";
        Token t = new Token(ProviderId.OPENAI_COMPATIBLE, 3, new Secret(canary), "env:QUOTA_CANVAS_OAI_TOKENS");
        ledger.cool(t, "flux", LATER, FailureClass.RATE_LIMITED, "rate limited", NOW);
        ledger.invalidate(t, "invalid_api_key", NOW);
        ledger.markSuccess(t, "flux", NOW);
        ledger.cool(t, null, LATER, FailureClass.QUOTA_EXHAUSTED, "insufficient_quota", NOW);
        ledger.tryLease(t, 1, "holder", NOW, LATER);

        assertCanaryAbsent(canary);
        ledger.close();
        assertCanaryAbsent(canary);
        ledger = open(ZoneOffset.UTC);
    }

    private void assertCanaryAbsent(String canary) throws Exception {
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        for (Path file : List.of(dbFile(), Path.of(dbFile() + "-wal"), Path.of(dbFile() + "-shm"))) {
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
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dbFile());
             var s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (LedgerSchema.VERSION + 1));
        }

        LedgerException e = assertThrows(LedgerException.class, () -> new SqliteLedger(dbFile()));

        assertTrue(e.getMessage().contains("newer Quota Canvas"), e.getMessage());
        ledger = new SqliteLedger(dir.resolve("fresh.db"));
    }
}
