package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.testing.MutableClock;
import io.quotacanvas.token.ledger.SqliteLedger;
import io.quotacanvas.token.TokenState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlitePromptCacheTest {
    private static final PromptCache.Key KEY = new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE,
            "DeepSeek-V3.2", "Improve it.", "a red fox");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    private Path db() {
        return dir.resolve("state").resolve("ledger.db");
    }

    @Test
    void anAnswerIsFoundAgainByAnotherConnectionToTheSameFile() {
        try (var writer = new SqlitePromptCache(db(), clock); var reader = new SqlitePromptCache(db(), clock)) {
            assertEquals(Optional.empty(), reader.get(KEY));

            writer.put(KEY, "a red fox in fresh snow");

            assertEquals(Optional.of("a red fox in fresh snow"), reader.get(KEY));
        }
    }

    @Test
    void everyPartOfTheKeyMatters() {
        try (var cache = new SqlitePromptCache(db(), clock)) {
            cache.put(KEY, "answer");

            assertTrue(cache.get(new PromptCache.Key(PromptStep.TRANSLATE, ProviderId.GITEE, "DeepSeek-V3.2",
                    "Improve it.", "a red fox")).isEmpty());
            assertTrue(cache.get(new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.A4F, "DeepSeek-V3.2",
                    "Improve it.", "a red fox")).isEmpty());
            assertTrue(cache.get(new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE, "Qwen3-8B",
                    "Improve it.", "a red fox")).isEmpty());
            assertTrue(cache.get(new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE, "DeepSeek-V3.2",
                    "Make it moody.", "a red fox")).isEmpty());
            assertTrue(cache.get(new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE, "DeepSeek-V3.2",
                    "Improve it.", "a red fox ")).isEmpty());
        }
    }

    @Test
    void oldAnswersAreForgotten() {
        try (var cache = new SqlitePromptCache(db(), clock)) {
            cache.put(KEY, "answer");
            clock.advance(SqlitePromptCache.MAX_AGE.plus(Duration.ofMinutes(1)));

            assertTrue(cache.get(KEY).isEmpty());
        }
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
    void manyThreadsShareOneCache() throws Exception {
        try (var cache = new SqlitePromptCache(db(), clock); ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Optional<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                PromptCache.Key key = new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE, "m", "s", "text " + i);
                String answer = "answer " + i;
                reads.add(pool.submit(() -> {
                    cache.put(key, answer);
                    return cache.get(key);
                }));
            }
            for (int i = 0; i < reads.size(); i++) {
                assertEquals(Optional.of("answer " + i), reads.get(i).get());
            }
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

    @Test
    void aClosedCacheRemembersNothing() {
        var cache = new SqlitePromptCache(db(), clock);
        cache.put(KEY, "answer");
        cache.close();

        assertTrue(cache.get(KEY).isEmpty());
    }

    private int userVersion() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}
