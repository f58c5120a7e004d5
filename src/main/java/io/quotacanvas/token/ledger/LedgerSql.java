package io.quotacanvas.token.ledger;

/// The statements of [SqlLedger], written once in the SQL that SQLite and PostgreSQL share (upserts with a
/// conflict target, `RETURNING`, no dialect functions), next to the schemas in [LedgerSchema] and
/// [PostgresSchema]. Columns are given in table order.
final class LedgerSql {

    static final String STATE = "SELECT " + StoredState.COLUMNS
            + " FROM token_state WHERE fingerprint = ? AND model IN ('', ?)";
    static final String SEEN = "INSERT INTO token (fingerprint, provider, first_seen_ms) VALUES (?, ?, ?)"
            + " ON CONFLICT (fingerprint) DO NOTHING";
    static final String COOL = "INSERT INTO token_state VALUES (?, ?, ?, 'cooling', ?, ?, ?, ?)"
            + " ON CONFLICT (fingerprint, model) DO UPDATE SET kind = 'cooling', until_ms = excluded.until_ms,"
            + " reason = excluded.reason, message = excluded.message, updated_ms = excluded.updated_ms"
            // never shortens a longer cooling, never turns an invalid token into a cooling one
            + " WHERE token_state.kind = 'cooling' AND excluded.until_ms >= token_state.until_ms";
    static final String INVALIDATE = "INSERT INTO token_state VALUES (?, '', ?, 'invalid', NULL, ?, ?, ?)"
            + " ON CONFLICT (fingerprint, model) DO UPDATE SET kind = 'invalid', until_ms = NULL,"
            + " reason = excluded.reason, message = excluded.message, updated_ms = CASE token_state.kind"
            + " WHEN 'invalid' THEN token_state.updated_ms ELSE excluded.updated_ms END";
    static final String CLEAR_ON_SUCCESS = "DELETE FROM token_state WHERE fingerprint = ?"
            + " AND (model IN ('', ?) OR (kind = 'cooling' AND until_ms <= ?))";
    static final String COUNT_IMAGE = "INSERT INTO token_usage VALUES (?, ?, 1)"
            + " ON CONFLICT (fingerprint, day) DO UPDATE SET images = token_usage.images + 1";
    static final String PRUNE_USAGE = "DELETE FROM token_usage WHERE fingerprint = ? AND day < ?";
    static final String USED = "INSERT INTO token VALUES (?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE"
            + " SET last_used_ms = CASE WHEN token.last_used_ms IS NULL OR token.last_used_ms < excluded.last_used_ms"
            + " THEN excluded.last_used_ms ELSE token.last_used_ms END";
    static final String CLEAR = "DELETE FROM token_state WHERE fingerprint = ?";
    static final String MODEL_UNTIL = "SELECT until_ms FROM model_unavailable"
            + " WHERE provider = ? AND model = ? AND until_ms > ?";
    static final String MARK_MODEL = "INSERT INTO model_unavailable VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (provider, model) DO UPDATE SET until_ms = excluded.until_ms,"
            + " message = excluded.message, updated_ms = excluded.updated_ms"
            + " WHERE excluded.until_ms >= model_unavailable.until_ms";
    static final String TOKENS = "SELECT t.fingerprint, t.last_used_ms, coalesce(u.images, 0) FROM token t"
            + " LEFT JOIN token_usage u ON u.fingerprint = t.fingerprint AND u.day = ?"
            + " WHERE t.provider = ? ORDER BY t.first_seen_ms, t.fingerprint";
    static final String STATES = "SELECT " + StoredState.COLUMNS
            + ", fingerprint FROM token_state WHERE provider = ? ORDER BY model";

    static final String RECORD_QUOTA = "INSERT INTO token_quota VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (fingerprint, model) DO UPDATE SET requests_remaining = excluded.requests_remaining,"
            + " requests_limit = excluded.requests_limit, model_remaining = excluded.model_remaining,"
            + " model_limit = excluded.model_limit, updated_ms = excluded.updated_ms"
            // another process may have written newer figures meanwhile; older ones never replace them
            + " WHERE excluded.updated_ms >= token_quota.updated_ms";
    static final String LAST_QUOTA = "SELECT requests_remaining, requests_limit, model_remaining, model_limit"
            + " FROM token_quota WHERE fingerprint = ? AND model = ?";

    static final String DROP_EXPIRED_LEASES = "DELETE FROM token_lease WHERE fingerprint = ? AND expires_ms <= ?";
    static final String COUNT_LEASES = "SELECT count(*) FROM token_lease WHERE fingerprint = ? AND expires_ms > ?";
    static final String TAKE_LEASE = "INSERT INTO token_lease (fingerprint, holder, expires_ms, taken_ms)"
            + " VALUES (?, ?, ?, ?) RETURNING id";
    static final String RENEW_LEASES = "UPDATE token_lease SET expires_ms = ? WHERE holder = ? AND expires_ms > ?";
    static final String RELEASE_LEASE = "DELETE FROM token_lease WHERE id = ? AND holder = ?";

    private LedgerSql() {
    }
}
