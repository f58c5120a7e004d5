package io.quotacanvas.token.ledger;

import java.util.List;

/// The ledger's tables in PostgreSQL: the same tables, columns and column order as the SQLite file
/// ([LedgerSchema]), so [LedgerSql] runs unchanged on both. Instants are `BIGINT` epoch milliseconds (UTC,
/// unambiguous whatever the server's or client's time zone); days are ISO dates in the ledger's zone.
///
/// Step `i` takes the ledger from version `i` to `i + 1` (tracked per component in `quota_canvas_schema`);
/// later versions append steps and never edit old ones.
final class PostgresSchema {

    static final String COMPONENT = "ledger";

    static final List<List<String>> STEPS = List.of(List.of(
            """
            CREATE TABLE token_state (
              fingerprint TEXT NOT NULL, model TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('cooling', 'invalid')), until_ms BIGINT,
              reason TEXT, message TEXT, updated_ms BIGINT NOT NULL,
              PRIMARY KEY (fingerprint, model))""",
            "CREATE INDEX token_state_provider ON token_state (provider)",
            """
            CREATE TABLE token (
              fingerprint TEXT PRIMARY KEY, provider TEXT NOT NULL,
              first_seen_ms BIGINT NOT NULL, last_used_ms BIGINT)""",
            "CREATE INDEX token_provider ON token (provider)",
            """
            CREATE TABLE token_usage (
              fingerprint TEXT NOT NULL, day TEXT NOT NULL, images INTEGER NOT NULL,
              PRIMARY KEY (fingerprint, day))""",
            """
            CREATE TABLE model_unavailable (
              provider TEXT NOT NULL, model TEXT NOT NULL, until_ms BIGINT NOT NULL,
              message TEXT, updated_ms BIGINT NOT NULL,
              PRIMARY KEY (provider, model))""",
            """
            CREATE TABLE token_quota (
              fingerprint TEXT NOT NULL, model TEXT NOT NULL, provider TEXT NOT NULL,
              requests_remaining INTEGER, requests_limit INTEGER, model_remaining INTEGER, model_limit INTEGER,
              updated_ms BIGINT NOT NULL,
              PRIMARY KEY (fingerprint, model))""",
            // identity ids are never reused, so releasing an old lease twice never frees a newer one
            """
            CREATE TABLE token_lease (
              id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, fingerprint TEXT NOT NULL, holder TEXT NOT NULL,
              expires_ms BIGINT NOT NULL, taken_ms BIGINT NOT NULL)""",
            "CREATE INDEX token_lease_fingerprint ON token_lease (fingerprint, expires_ms)",
            "CREATE INDEX token_lease_holder ON token_lease (holder)"));

    private PostgresSchema() {
    }
}
