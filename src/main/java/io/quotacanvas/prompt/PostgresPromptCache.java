package io.quotacanvas.prompt;

import io.quotacanvas.storage.PostgresDatabase;
import io.quotacanvas.storage.StorageException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/// The [PromptCache] as table `prompt_cache` in the shared ledger's PostgreSQL database, so a prompt one
/// install had rewritten costs no LLM call on any other.
///
/// It sets up its own table on first use (versioned as component `prompt_cache`, beside the ledger's) and
/// never touches the ledger's tables. Answers older than [PromptCacheSql#MAX_AGE] are ignored and pruned
/// when the table is first used. The [PostgresDatabase] belongs to the ledger; closing the cache only stops
/// its use. Storage trouble (the database down, say) is logged and treated as a miss, never thrown.
/// Thread-safe.
public final class PostgresPromptCache implements PromptCache {
    private static final Logger LOG = Logger.getLogger(PostgresPromptCache.class.getName());
    private static final List<List<String>> STEPS = List.of(List.of("""
            CREATE TABLE prompt_cache (
              mode TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
              text_sha TEXT NOT NULL, system_sha TEXT NOT NULL,
              result TEXT NOT NULL, created_ms BIGINT NOT NULL,
              PRIMARY KEY (mode, provider, model, text_sha, system_sha))"""));
    private static final String PUT = "INSERT INTO prompt_cache"
            + " (mode, provider, model, text_sha, system_sha, result, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (mode, provider, model, text_sha, system_sha)"
            + " DO UPDATE SET result = excluded.result, created_ms = excluded.created_ms";

    private final PostgresDatabase db;
    private final Clock clock;
    private volatile boolean ready;
    private volatile boolean closed;

    /// A cache in `db` (the shared ledger's database); nothing is done until first use.
    public PostgresPromptCache(PostgresDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(Key key) {
        if (!usable()) {
            return Optional.empty();
        }
        try {
            return db.run("read the prompt cache", c -> PromptCacheSql.get(c, key, clock.millis()));
        } catch (StorageException | IllegalStateException e) {
            LOG.log(Level.WARNING, e.getMessage() + "; asking the text model instead", e);
            return Optional.empty();
        }
    }

    @Override
    public void put(Key key, String result) {
        if (!usable()) {
            return;
        }
        try {
            db.run("remember a prompt", c -> PromptCacheSql.put(c, PUT, key, result, clock.millis()));
        } catch (StorageException | IllegalStateException e) {
            LOG.log(Level.WARNING, e.getMessage() + "; the answer is not remembered", e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    /// Sets the table up on first use; false while that fails (tried again on the next call, since a shared
    /// database that was down may come back) or after [#close()].
    private boolean usable() {
        if (closed) {
            return false;
        }
        if (ready) {
            return true;
        }
        try {
            db.migrate("prompt_cache", STEPS);
            db.run("prune the prompt cache", c -> PromptCacheSql.prune(c, clock.millis()));
            ready = true;
        } catch (StorageException | IllegalStateException e) {
            LOG.log(Level.WARNING, "prompt cache unavailable, this prompt is not cached: " + e.getMessage(), e);
        }
        return ready;
    }
}
