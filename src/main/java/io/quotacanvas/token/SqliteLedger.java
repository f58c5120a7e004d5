package io.quotacanvas.token;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/// The [Ledger] in an SQLite file, shared by the GUI and any number of CLI runs.
///
/// Rows are keyed by [Token#fingerprint()]; the raw token never reaches the file. The file is in WAL mode
/// with a [busy timeout][LedgerSchema#BUSY_TIMEOUT_MS], and every write is one short `BEGIN IMMEDIATE`
/// transaction, so several processes can use it at once and each sees the others' committed writes on
/// its next call. Within a process one instance may be shared by any number of threads: calls are
/// serialised on one connection with prepared statements (each well under a millisecond).
///
/// `model` null (or blank) means token-wide. Failures of the file become [LedgerException]; calls after
/// [#close()] throw [IllegalStateException].
public final class SqliteLedger implements Ledger {

    private static final int MAX_MESSAGE = 500;
    private static final int USAGE_DAYS_KEPT = 90;

    private static final String STATE = "SELECT " + StoredState.COLUMNS
            + " FROM token_state WHERE fingerprint = ? AND model IN ('', ?)";
    private static final String SEEN = "INSERT INTO token (fingerprint, provider, first_seen_ms) VALUES (?, ?, ?)"
            + " ON CONFLICT DO NOTHING";
    private static final String COOL = "INSERT INTO token_state VALUES (?, ?, ?, 'cooling', ?, ?, ?, ?)"
            + " ON CONFLICT DO UPDATE SET kind = 'cooling', until_ms = excluded.until_ms, reason = excluded.reason,"
            + " message = excluded.message, updated_ms = excluded.updated_ms"
            // never shortens a longer cooling, never turns an invalid token into a cooling one
            + " WHERE token_state.kind = 'cooling' AND excluded.until_ms >= token_state.until_ms";
    private static final String INVALIDATE = "INSERT INTO token_state VALUES (?, '', ?, 'invalid', NULL, ?, ?, ?)"
            + " ON CONFLICT DO UPDATE SET kind = 'invalid', until_ms = NULL, reason = excluded.reason,"
            + " message = excluded.message, updated_ms = CASE token_state.kind WHEN 'invalid'"
            + " THEN token_state.updated_ms ELSE excluded.updated_ms END";
    private static final String CLEAR_ON_SUCCESS = "DELETE FROM token_state WHERE fingerprint = ?"
            + " AND (model IN ('', ?) OR (kind = 'cooling' AND until_ms <= ?))";
    private static final String COUNT_IMAGE = "INSERT INTO token_usage VALUES (?, ?, 1)"
            + " ON CONFLICT DO UPDATE SET images = images + 1";
    private static final String PRUNE_USAGE = "DELETE FROM token_usage WHERE fingerprint = ? AND day < ?";
    private static final String USED = "INSERT INTO token VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE"
            + " SET last_used_ms = max(coalesce(last_used_ms, 0), excluded.last_used_ms)";
    private static final String CLEAR = "DELETE FROM token_state WHERE fingerprint = ?";
    private static final String MODEL_UNTIL = "SELECT until_ms FROM model_unavailable"
            + " WHERE provider = ? AND model = ? AND until_ms > ?";
    private static final String MARK_MODEL = "INSERT INTO model_unavailable VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT DO UPDATE SET until_ms = excluded.until_ms, message = excluded.message,"
            + " updated_ms = excluded.updated_ms WHERE excluded.until_ms >= model_unavailable.until_ms";
    private static final String TOKENS = "SELECT t.fingerprint, t.last_used_ms, coalesce(u.images, 0) FROM token t"
            + " LEFT JOIN token_usage u ON u.fingerprint = t.fingerprint AND u.day = ?"
            + " WHERE t.provider = ? ORDER BY t.first_seen_ms, t.fingerprint";
    private static final String STATES = "SELECT " + StoredState.COLUMNS
            + ", fingerprint FROM token_state WHERE provider = ? ORDER BY model";

    private final Path file;
    private final ZoneId zone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    /// Opens (or creates, with its folders) the ledger at `dbFile`; "today" is in the system zone.
    ///
    /// @throws LedgerException if the file is not a usable ledger (the message says what to do)
    public SqliteLedger(Path dbFile) {
        this(dbFile, ZoneId.systemDefault());
    }

    /// As [#SqliteLedger(Path)], counting images per day in `zone`.
    public SqliteLedger(Path dbFile, ZoneId zone) {
        this.file = Objects.requireNonNull(dbFile, "dbFile");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.connection = LedgerSchema.open(dbFile);
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        return read("read", () -> StoredState.resolve(rows(STATE, fingerprint, scope(model)), nowMs));
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        String fingerprint = token.fingerprint();
        long updated = System.currentTimeMillis();
        write("record a cooling in", () -> {
            update(SEEN, fingerprint, token.provider().wireName(), updated);
            update(COOL, fingerprint, scope(model), token.provider().wireName(), until.toEpochMilli(),
                    reason.wireName(), clip(message), updated);
        });
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        write("record an invalid token in", () -> {
            update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            update(INVALIDATE, fingerprint, token.provider().wireName(), FailureClass.AUTH_FAILED.wireName(),
                    clip(message), nowMs);
        });
    }

    /// Clears the token-wide state and the token × `model` cooling (other models' coolings stay), drops
    /// expired coolings of the token, counts one image for `now`'s day and moves "last used" to `now`.
    @Override
    public void markSuccess(Token token, String model, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        LocalDate day = LocalDate.ofInstant(now, zone);
        write("record a success in", () -> {
            update(CLEAR_ON_SUCCESS, fingerprint, scope(model), nowMs);
            update(COUNT_IMAGE, fingerprint, day.toString());
            update(PRUNE_USAGE, fingerprint, day.minusDays(USAGE_DAYS_KEPT).toString());
            update(USED, fingerprint, token.provider().wireName(), nowMs, nowMs);
        });
    }

    /// Clears every cooling (token-wide and per model) and the invalid mark of the token.
    @Override
    public void clear(Token token) {
        String fingerprint = token.fingerprint();
        write("clear a token in", () -> update(CLEAR, fingerprint));
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        Objects.requireNonNull(model, "model");
        return read("read", () -> {
            try (ResultSet rs = query(MODEL_UNTIL, provider.wireName(), model, now.toEpochMilli())) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        });
    }

    /// Marks `model` unavailable on `provider` until `until`; a later mark already present is kept.
    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message) {
        Objects.requireNonNull(model, "model");
        long updated = System.currentTimeMillis();
        write("record an unavailable model in", () -> update(MARK_MODEL, provider.wireName(), model,
                until.toEpochMilli(), clip(message), updated));
    }

    /// One token-wide entry (model `""`) per fingerprint seen for `provider`, in first-seen order, then
    /// one entry per model that is cooling at `now` with the state the engine would see for it.
    /// `lastUsed` is null for a token that never succeeded; `imagesToday` counts `now`'s day.
    @Override
    public List<LedgerEntry> entries(ProviderId provider, Instant now) {
        long nowMs = now.toEpochMilli();
        String today = LocalDate.ofInstant(now, zone).toString();
        return read("read", () -> {
            Map<String, List<StoredState>> states = new HashMap<>();
            try (ResultSet rs = query(STATES, provider.wireName())) {
                while (rs.next()) {
                    states.computeIfAbsent(rs.getString(7), k -> new ArrayList<>()).add(StoredState.read(rs));
                }
            }
            Map<String, LedgerEntry> wide = new LinkedHashMap<>();
            try (ResultSet rs = query(TOKENS, today, provider.wireName())) {
                while (rs.next()) {
                    long used = rs.getLong(2);
                    Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    wide.put(rs.getString(1), new LedgerEntry(rs.getString(1), provider, "", null, lastUsed,
                            rs.getInt(3)));
                }
            }
            return LedgerEntries.assemble(wide, states, nowMs);
        });
    }

    /// Closes the connection; idempotent. Other calls afterwards throw [IllegalStateException].
    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                statements.clear();
                LedgerSchema.closeQuietly(connection); // also closes its statements
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private List<StoredState> rows(String sql, Object... args) throws SQLException {
        List<StoredState> rows = new ArrayList<>(2);
        try (ResultSet rs = query(sql, args)) {
            while (rs.next()) {
                rows.add(StoredState.read(rs));
            }
        }
        return rows;
    }

    private ResultSet query(String sql, Object... args) throws SQLException {
        return bind(sql, args).executeQuery();
    }

    private void update(String sql, Object... args) throws SQLException {
        bind(sql, args).executeUpdate();
    }

    private PreparedStatement bind(String sql, Object... args) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    private <T> T read(String action, SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            return work.run();
        } catch (SQLException e) {
            throw LedgerException.from(e, file, action);
        } finally {
            lock.unlock();
        }
    }

    private void write(String action, SqlSteps steps) {
        lock.lock();
        try {
            ensureOpen();
            update("BEGIN IMMEDIATE");
            try {
                steps.run();
                update("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly();
                throw e;
            }
        } catch (SQLException e) {
            throw LedgerException.from(e, file, action);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            update("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (e.g. on SQLITE_FULL); the original error matters
        }
    }

    private void ensureOpen() {
        if (connection == null) {
            throw new IllegalStateException("ledger " + file + " is closed");
        }
    }

    private static String scope(String model) {
        return model == null ? "" : model.strip();
    }

    private static String clip(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlSteps {
        void run() throws SQLException;
    }
}
