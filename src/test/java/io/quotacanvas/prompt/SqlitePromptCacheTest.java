package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.TokenState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The prompt cache contract in the ledger's SQLite file, plus what only the file can get wrong.
class SqlitePromptCacheTest extends PromptCacheContract {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("state").resolve("ledger.db");
    }

    @Override
    PromptCache open() {
        return new SqlitePromptCache(db(), clock);
    }

    @Test
    void onlyHashesOfThePromptsAreStored() throws Exception {
        try (var cache = new SqlitePromptCache(db(), clock)) {
            cache.put(KEY, "answer");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text_sha, system_sha FROM prompt_cache")) {
            assertTrue(rs.next());
            assertEquals(KEY.textSha256(), rs.getString(1));
            assertEquals(64, rs.getString(2).length());
        }
    }

    @Test
    void theLedgerInTheSameFileKeepsWorkingAndKeepsItsSchemaVersion() throws Exception {
        Token token = new Token(ProviderId.GITEE, 1, new io.quotacanvas.core.Secret("gitee-token-0001"), "config");
        int version;
        try (var ledger = new SqliteLedger(db())) {
            version = userVersion();
            try (var cache = new SqlitePromptCache(db(), clock)) {
                cache.put(KEY, "answer");
                ledger.cool(token, null, clock.instant().plusSeconds(60), FailureClass.RATE_LIMITED, "slow down",
                        clock.instant());
                assertEquals("answer", cache.get(KEY).orElseThrow());
            }
            assertTrue(ledger.state(token, "z", clock.instant()) instanceof TokenState.Cooling);
        }
        assertEquals(version, userVersion());
        try (var reopened = new SqliteLedger(db())) {
            assertTrue(reopened.state(token, "z", clock.instant()) instanceof TokenState.Cooling);
        }
    }

    @Test
    void anUnusableFileMeansNoCacheInsteadOfAnError() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("state"), "a file where the folder should be");
        try (var cache = new SqlitePromptCache(notADirectory.resolve("ledger.db"), clock)) {
            cache.put(KEY, "answer");

            assertTrue(cache.get(KEY).isEmpty());
        }
    }

    private int userVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}
