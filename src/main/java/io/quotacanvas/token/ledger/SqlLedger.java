package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import static io.quotacanvas.token.ledger.LedgerSql.*;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.LedgerDb.Session;
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

/// The [Ledger] over an SQL store ([LedgerDb]): the same statements ([LedgerSql]) and rules on SQLite and
/// PostgreSQL, so both keep exactly the same contract.
///
/// Rows are keyed by [Token#fingerprint()]; the raw token never reaches the store. Instants are stored as
/// epoch milliseconds (UTC, unambiguous); "today" for image counts is a date in the ledger's zone. `model`
/// null (or blank) means token-wide. Thread-safe.
abstract sealed class SqlLedger implements Ledger permits SqliteLedger, PostgresLedger {

    private static final int MAX_MESSAGE = 500;
    private static final int USAGE_DAYS_KEPT = 90;

    private final ZoneId zone;
    private final LedgerDb db;
    private final LeaseClock leaseClock;

    SqlLedger(LedgerDb db, ZoneId zone, LeaseClock leaseClock) {
        this.db = Objects.requireNonNull(db, "db");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.leaseClock = Objects.requireNonNull(leaseClock, "leaseClock");
    }

    /// Measures the [LeaseClock] (a shared ledger does once it is open).
    final void syncLeaseClock() {
        db.read("read the database's clock", s -> {
            leaseClock.sync(s);
            return null;
        });
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        return db.read("read it", s -> StoredState.resolve(rows(s, STATE, fingerprint, scope(model)), nowMs));
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message, Instant now) {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        db.write("record a cooling", s -> {
            s.update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            return s.update(COOL, fingerprint, scope(model), token.provider().wireName(), until.toEpochMilli(),
                    reason.wireName(), clip(message), nowMs);
        });
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        db.write("record an invalid token", s -> {
            s.update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            return s.update(INVALIDATE, fingerprint, token.provider().wireName(),
                    FailureClass.AUTH_FAILED.wireName(), clip(message), nowMs);
        });
    }

    /// Clears the token-wide state and the token × `model` cooling (other models' coolings stay), drops
    /// expired coolings of the token, counts one image for `now`'s day and moves "last used" to `now`.
    @Override
    public void markSuccess(Token token, String model, Instant now) {
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        LocalDate day = LocalDate.ofInstant(now, zone);
        db.write("record a success", s -> {
            s.update(CLEAR_ON_SUCCESS, fingerprint, scope(model), nowMs);
            s.update(COUNT_IMAGE, fingerprint, day.toString());
            s.update(PRUNE_USAGE, fingerprint, day.minusDays(USAGE_DAYS_KEPT).toString());
            return s.update(USED, fingerprint, token.provider().wireName(), nowMs, nowMs);
        });
    }

    /// Clears every cooling (token-wide and per model) and the invalid mark of the token.
    @Override
    public void clear(Token token) {
        String fingerprint = token.fingerprint();
        db.write("clear a token", s -> s.update(CLEAR, fingerprint));
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        Objects.requireNonNull(model, "model");
        return db.read("read it", s -> {
            try (ResultSet rs = s.query(MODEL_UNTIL, provider.wireName(), model, now.toEpochMilli())) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        });
    }

    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message, Instant now) {
        Objects.requireNonNull(model, "model");
        db.write("record an unavailable model", s -> s.update(MARK_MODEL, provider.wireName(), model,
                until.toEpochMilli(), clip(message), now.toEpochMilli()));
    }

    /// `model` blank means token-wide.
    @Override
    public void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
        Objects.requireNonNull(quota, "quota");
        String fingerprint = token.fingerprint();
        long nowMs = now.toEpochMilli();
        db.write("record quota figures", s -> {
            s.update(SEEN, fingerprint, token.provider().wireName(), nowMs);
            return s.update(RECORD_QUOTA, fingerprint, scope(model), token.provider().wireName(),
                    quota.requestsRemaining(), quota.requestsLimit(), quota.modelRemaining(), quota.modelLimit(), nowMs);
        });
    }

    @Override
    public Optional<QuotaSnapshot> lastQuota(Token token, String model) {
        String fingerprint = token.fingerprint();
        return db.read("read it", s -> {
            try (ResultSet rs = s.query(LAST_QUOTA, fingerprint, scope(model))) {
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
        return db.read("read it", s -> {
            Map<String, List<StoredState>> states = new HashMap<>();
            try (ResultSet rs = s.query(STATES, provider.wireName())) {
                while (rs.next()) {
                    states.computeIfAbsent(rs.getString(7), k -> new ArrayList<>()).add(StoredState.read(rs));
                }
            }
            Map<String, LedgerEntry> wide = new LinkedHashMap<>();
            try (ResultSet rs = s.query(TOKENS, today, provider.wireName())) {
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

    /// Locks the token ([Session#lockToken]), drops its expired leases, counts the live ones and takes a
    /// slot, all in one write transaction, so the count can't go stale before the insert. Lease times are
    /// kept on the [LeaseClock].
    @Override
    public Optional<Lease> tryLease(Token token, int limit, String holder, Instant now, Instant expires) {
        Leases.check(limit, holder, now, expires);
        String fingerprint = token.fingerprint();
        long nowMs = leaseClock.onStore(now);
        long expiresMs = leaseClock.onStore(expires);
        return db.write("take an in-flight slot", s -> {
            s.lockToken(fingerprint);
            s.update(DROP_EXPIRED_LEASES, fingerprint, nowMs);
            if (count(s, COUNT_LEASES, fingerprint, nowMs) >= limit) {
                return Optional.empty();
            }
            long id = count(s, TAKE_LEASE, fingerprint, holder, expiresMs, nowMs);
            return Optional.of(new Lease(id, fingerprint, holder, expires));
        });
    }

    /// Also measures the [LeaseClock] again: the heartbeat is what keeps a long-running process's leases
    /// in step with the other machines'.
    @Override
    public int renewLeases(String holder, Instant now, Instant expires) {
        Objects.requireNonNull(holder, "holder");
        return db.write("renew in-flight slots", s -> {
            leaseClock.sync(s);
            return s.update(RENEW_LEASES, leaseClock.onStore(expires), holder, leaseClock.onStore(now));
        });
    }

    @Override
    public void release(Lease lease) {
        db.write("give back an in-flight slot", s -> s.update(RELEASE_LEASE, lease.id(), lease.holder()));
    }

    @Override
    public int leasesInFlight(Token token, Instant now) {
        String fingerprint = token.fingerprint();
        return db.read("read it", s -> (int) count(s, COUNT_LEASES, fingerprint, leaseClock.onStore(now)));
    }

    @Override
    public String describe() {
        return db.describe();
    }

    /// Closes the store; idempotent. Other calls afterwards throw [IllegalStateException].
    @Override
    public void close() {
        db.close();
    }

    private static List<StoredState> rows(Session s, String sql, Object... args) throws SQLException {
        List<StoredState> rows = new ArrayList<>(2);
        try (ResultSet rs = s.query(sql, args)) {
            while (rs.next()) {
                rows.add(StoredState.read(rs));
            }
        }
        return rows;
    }

    /// The first column of the first row (a count, or the id `RETURNING` gave), 0 when there is none.
    private static long count(Session s, String sql, Object... args) throws SQLException {
        try (ResultSet rs = s.query(sql, args)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
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
