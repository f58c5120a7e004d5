package io.quotacanvas.prompt;

import io.quotacanvas.storage.Sqlite;
import io.quotacanvas.storage.SqliteFile;
import io.quotacanvas.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/// The [PromptCache] as table `prompt_cache` in the ledger's SQLite file (`state/ledger.db`).
///
/// It opens its own connection on first use and creates only its own table (`CREATE TABLE IF NOT EXISTS`);
/// it never touches the ledger's tables or `user_version`. WAL plus a busy timeout let the GUI and any
/// number of CLI runs share the file; each call is one autocommit statement. Within a process the calls
/// are serialised on the one connection. Answers older than [PromptCacheSql#MAX_AGE] are ignored and pruned
/// at open.
/// Storage trouble is logged and treated as a miss (fail-open), never thrown.
public final class SqlitePromptCache implements PromptCache {
    private static final Logger LOG = Logger.getLogger(SqlitePromptCache.class.getName());
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS prompt_cache (
              mode TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
              text_sha TEXT NOT NULL, system_sha TEXT NOT NULL,
              result TEXT NOT NULL, created_ms INTEGER NOT NULL,
              PRIMARY KEY (mode, provider, model, text_sha, system_sha)) WITHOUT ROWID""";
    private static final String PUT = "INSERT OR REPLACE INTO prompt_cache"
            + " (mode, provider, model, text_sha, system_sha, result, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Path file;
    private final Clock clock;
    private Connection connection;
    private boolean broken;
    private boolean closed;

    /// A cache in `dbFile` (normally [io.quotacanvas.config.AppDirs#ledgerFile()]); nothing is opened yet.
    public SqlitePromptCache(Path dbFile, Clock clock) {
        this.file = dbFile;
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> get(Key key) {
        Connection c = connection();
        if (c == null) {
            return Optional.empty();
        }
        try {
            return PromptCacheSql.get(c, key, clock.millis());
        } catch (SQLException e) {
            warn(e, "read the prompt cache", "asking the text model instead");
            return Optional.empty();
        }
    }

    @Override
    public synchronized void put(Key key, String result) {
        Connection c = connection();
        if (c == null) {
            return;
        }
        try {
            PromptCacheSql.put(c, PUT, key, result, clock.millis());
        } catch (SQLException e) {
            warn(e, "remember a prompt", "the answer is not remembered");
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing at shutdown: nothing left to protect
            }
            connection = null;
        }
    }

    /// The open connection, opening it on first use; null when closed or the file is unusable.
    private Connection connection() {
        if (connection != null || broken || closed) {
            return connection;
        }
        try {
            connection = open();
        } catch (StorageException e) {
            // one warning, then the run goes on without a cache rather than retrying on every prompt
            broken = true;
            LOG.log(Level.WARNING, "prompt cache unavailable, prompts will not be cached: " + e.getMessage(), e);
        }
        return connection;
    }

    private Connection open() {
        SqliteFile target = describe();
        Connection c = Sqlite.open(target, BUSY_TIMEOUT);
        try (Statement s = c.createStatement()) {
            s.execute(CREATE);
            PromptCacheSql.prune(c, clock.millis());
            return c;
        } catch (SQLException e) {
            Sqlite.closeQuietly(c);
            throw Sqlite.failure(e, target, "set up the prompt cache");
        }
    }

    private SqliteFile describe() {
        return new SqliteFile(file, "ledger file (prompt cache)", "move it away and Quota Canvas will start a new"
                + " one", "or set QUOTA_CANVAS_HOME to another folder");
    }

    private void warn(SQLException e, String action, String consequence) {
        LOG.log(Level.WARNING, Sqlite.failure(e, describe(), action).getMessage() + "; " + consequence, e);
    }
}
