package io.quotacanvas.prompt;

import io.quotacanvas.storage.Sqlite;
import io.quotacanvas.storage.SqliteFile;
import io.quotacanvas.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
/// are serialised on the one connection. Answers older than [#MAX_AGE] are ignored and pruned at open.
/// Storage trouble is logged and treated as a miss (fail-open), never thrown.
public final class SqlitePromptCache implements PromptCache {
    /// Providers update their text models; a month-old rewrite is worth asking for again.
    public static final Duration MAX_AGE = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(SqlitePromptCache.class.getName());
    private static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS prompt_cache (
              mode TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
              text_sha TEXT NOT NULL, system_sha TEXT NOT NULL,
              result TEXT NOT NULL, created_ms INTEGER NOT NULL,
              PRIMARY KEY (mode, provider, model, text_sha, system_sha)) WITHOUT ROWID""";
    private static final String GET = "SELECT result FROM prompt_cache WHERE mode = ? AND provider = ? AND model = ?"
            + " AND text_sha = ? AND system_sha = ? AND created_ms >= ?";
    private static final String PUT = "INSERT OR REPLACE INTO prompt_cache"
            + " (mode, provider, model, text_sha, system_sha, result, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String PRUNE = "DELETE FROM prompt_cache WHERE created_ms < ?";

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
        try (PreparedStatement s = c.prepareStatement(GET)) {
            bindKey(s, key);
            s.setLong(6, clock.millis() - MAX_AGE.toMillis());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
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
        try (PreparedStatement s = c.prepareStatement(PUT)) {
            bindKey(s, key);
            s.setString(6, result);
            s.setLong(7, clock.millis());
            s.executeUpdate();
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

    private static void bindKey(PreparedStatement s, Key key) throws SQLException {
        s.setString(1, key.step().wireName());
        s.setString(2, key.providerName());
        s.setString(3, key.textModel());
        s.setString(4, key.textSha256());
        s.setString(5, key.systemSha256());
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
            s.execute(PRUNE.replace("?", Long.toString(clock.millis() - MAX_AGE.toMillis())));
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
