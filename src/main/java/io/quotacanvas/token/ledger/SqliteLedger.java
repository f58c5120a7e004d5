package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static io.quotacanvas.token.ledger.LedgerSql.*;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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

/// The [Ledger] in an SQLite file, shared by the GUI and any number of CLI runs.
///
/// Rows are keyed by [Token#fingerprint()]; the raw token never reaches the file. The file is in WAL mode
/// with a busy timeout of 10 s, and every write is one short `BEGIN IMMEDIATE`
/// transaction, so several processes can use it at once and each sees the others' committed writes on
/// its next call. Within a process one instance may be shared by any number of threads: calls are
/// serialised on one connection with prepared statements (each well under a millisecond).
///
/// `model` null (or blank) means token-wide. Failures of the file become [LedgerException]; calls after
/// [#close()] throw [IllegalStateException].
public final class SqliteLedger implements Ledger {

    private static final int MAX_MESSAGE = 500;
    private static final int USAGE_DAYS_KEPT = 90;

    private final ZoneId zone;
    private final LedgerConnection db;

    /// Opens (or creates, with its folders) the ledger at `dbFile`; "today" is in the system zone.
    ///
    /// @throws LedgerException if the file is not a usable ledger (the message says what to do)
    public SqliteLedger(Path dbFile) {
        this(dbFile, ZoneId.systemDefault());
    }

    /// As [#SqliteLedger(Path)], counting images per day in `zone`.
    public SqliteLedger(Path dbFile, ZoneId zone) {
        this(dbFile, zone, LedgerSchema.BUSY_TIMEOUT);
    }

    /// For tests: a shorter wait for other processes' locks.
    SqliteLedger(Path dbFile, ZoneId zone, Duration busyTimeout) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.db = new LedgerConnection(Objects.requireNonNull(dbFile, "dbFile"), busyTimeout);
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        return db.read("read it", () -> StoredState.resolve(rows(STATE, fingerprint, scope(model)), nowMs));
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        String fingerprint = token.fingerprint();
        long updated = System.currentTimeMillis();
        db.write("record a cooling", () -> {
            db.update(SEEN, fingerprint, token.provider().wireName(), updated);
            db.update(COOL, fingerprint, scope(model), token.provider().wireName(), until.toEpochMilli(),
                    reason.wireName(), clip(message), updated);
        });
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        db.write("record an invalid token", () -> {
            db.update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            db.update(INVALIDATE, fingerprint, token.provider().wireName(), FailureClass.AUTH_FAILED.wireName(),
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
        db.write("record a success", () -> {
            db.update(CLEAR_ON_SUCCESS, fingerprint, scope(model), nowMs);
            db.update(COUNT_IMAGE, fingerprint, day.toString());
            db.update(PRUNE_USAGE, fingerprint, day.minusDays(USAGE_DAYS_KEPT).toString());
            db.update(USED, fingerprint, token.provider().wireName(), nowMs, nowMs);
        });
    }

    /// Clears every cooling (token-wide and per model) and the invalid mark of the token.
    @Override
    public void clear(Token token) {
        String fingerprint = token.fingerprint();
        db.write("clear a token", () -> db.update(CLEAR, fingerprint));
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        Objects.requireNonNull(model, "model");
        return db.read("read it", () -> {
            try (ResultSet rs = db.query(MODEL_UNTIL, provider.wireName(), model, now.toEpochMilli())) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        });
    }

    /// Marks `model` unavailable on `provider` until `until`; a later mark already present is kept.
    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message) {
        Objects.requireNonNull(model, "model");
        long updated = System.currentTimeMillis();
        db.write("record an unavailable model", () -> db.update(MARK_MODEL, provider.wireName(), model,
                until.toEpochMilli(), clip(message), updated));
    }

    /// Keeps `quota` as the last figures of token × `model` (blank = token-wide), replacing older ones;
    /// figures recorded with an earlier `now` never replace later ones.
    @Override
    public void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
        Objects.requireNonNull(quota, "quota");
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        db.write("record quota figures", () -> {
            db.update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            db.update(RECORD_QUOTA, fingerprint, scope(model), token.provider().wireName(), quota.requestsRemaining(),
                    quota.requestsLimit(), quota.modelRemaining(), quota.modelLimit(), nowMs);
        });
    }

    @Override
    public Optional<QuotaSnapshot> lastQuota(Token token, String model) {
        String fingerprint = token.fingerprint();
        return db.read("read it", () -> {
            try (ResultSet rs = db.query(LAST_QUOTA, fingerprint, scope(model))) {
                return rs.next() ? Optional.of(new QuotaSnapshot(integer(rs, 1), integer(rs, 2), integer(rs, 3),
                        integer(rs, 4))) : Optional.empty();
            }
        });
    }

    /// One token-wide entry (model `""`) per fingerprint seen for `provider`, in first-seen order, then
    /// one entry per model that is cooling at `now` with the state the engine would see for it.
    /// `lastUsed` is null for a token that never succeeded; `imagesToday` counts `now`'s day.
    @Override
    public List<LedgerEntry> entries(ProviderId provider, Instant now) {
        long nowMs = now.toEpochMilli();
        String today = LocalDate.ofInstant(now, zone).toString();
        return db.read("read it", () -> {
            Map<String, List<StoredState>> states = new HashMap<>();
            try (ResultSet rs = db.query(STATES, provider.wireName())) {
                while (rs.next()) {
                    states.computeIfAbsent(rs.getString(7), k -> new ArrayList<>()).add(StoredState.read(rs));
                }
            }
            Map<String, LedgerEntry> wide = new LinkedHashMap<>();
            try (ResultSet rs = db.query(TOKENS, today, provider.wireName())) {
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
        db.close();
    }

    private List<StoredState> rows(String sql, Object... args) throws SQLException {
        List<StoredState> rows = new ArrayList<>(2);
        try (ResultSet rs = db.query(sql, args)) {
            while (rs.next()) {
                rows.add(StoredState.read(rs));
            }
        }
        return rows;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
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
}
