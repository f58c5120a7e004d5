package io.quotacanvas.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/// The [PromptCache] contract, run against the SQLite and the PostgreSQL cache: each subclass only says
/// how to open a cache on this test's store.
abstract class PromptCacheContract {
    static final PromptCache.Key KEY = new PromptCache.Key(PromptStep.OPTIMIZE, ProviderId.GITEE,
            "DeepSeek-V3.2", "Improve it.", "a red fox");

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));

    /// A new cache instance over this test's store (the same store within one test, a fresh one per test).
    abstract PromptCache open();

    @Test
    void anAnswerIsFoundAgainByAnotherInstanceOnTheSameStore() {
        try (var writer = open(); var reader = open()) {
            assertEquals(Optional.empty(), reader.get(KEY));

            writer.put(KEY, "a red fox in fresh snow");

            assertEquals(Optional.of("a red fox in fresh snow"), reader.get(KEY));
        }
    }

    @Test
    void everyPartOfTheKeyMatters() {
        try (var cache = open()) {
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
        try (var cache = open()) {
            cache.put(KEY, "answer");
            clock.advance(PromptCacheSql.MAX_AGE.plus(Duration.ofMinutes(1)));

            assertTrue(cache.get(KEY).isEmpty());
        }
    }

    @Test
    void manyThreadsShareOneCache() throws Exception {
        try (var cache = open(); ExecutorService pool = Executors.newFixedThreadPool(8)) {
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
    void aClosedCacheRemembersNothing() {
        var cache = open();
        cache.put(KEY, "answer");
        cache.close();

        assertTrue(cache.get(KEY).isEmpty());
    }
}
