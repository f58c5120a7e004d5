package io.quotacanvas.prompt;

import io.quotacanvas.prompt.PromptCache.Key;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/// The statements both prompt caches run on table `prompt_cache` (SQLite and PostgreSQL take the same
/// ones, except how an answer replaces an older one: each cache gives its own `put`), and how an answer
/// ages out.
final class PromptCacheSql {
    /// Answers older than this are ignored, and pruned when the cache is first used: providers update their
    /// text models, so a month-old rewrite is worth asking for again.
    static final Duration MAX_AGE = Duration.ofDays(30);

    private static final String GET = "SELECT result FROM prompt_cache WHERE mode = ? AND provider = ? AND model = ?"
            + " AND text_sha = ? AND system_sha = ? AND created_ms >= ?";
    private static final String PRUNE = "DELETE FROM prompt_cache WHERE created_ms < ?";

    private PromptCacheSql() {
    }

    /// The answer stored for `key`, unless it is older than [#MAX_AGE] at `nowMs`.
    static Optional<String> get(Connection c, Key key, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(GET)) {
            bindKey(s, key);
            s.setLong(6, nowMs - MAX_AGE.toMillis());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /// Stores `result` for `key` with `put`, a statement taking the key's five columns, the result and
    /// the time.
    static int put(Connection c, String put, Key key, String result, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(put)) {
            bindKey(s, key);
            s.setString(6, result);
            s.setLong(7, nowMs);
            return s.executeUpdate();
        }
    }

    /// Deletes the answers older than [#MAX_AGE] at `nowMs`.
    static int prune(Connection c, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PRUNE)) {
            s.setLong(1, nowMs - MAX_AGE.toMillis());
            return s.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement s, Key key) throws SQLException {
        s.setString(1, key.step().wireName());
        s.setString(2, key.providerName());
        s.setString(3, key.textModel());
        s.setString(4, key.textSha256());
        s.setString(5, key.systemSha256());
    }
}
