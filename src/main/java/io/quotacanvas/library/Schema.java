package io.quotacanvas.library;

import java.util.List;

/// The index's SQL schema, one list of statements per `user_version` step: a new index runs them all, an
/// older one the steps past its version (rows are kept).
///
/// `images.seq` is an explicit `INTEGER PRIMARY KEY` because the external-content FTS table refers to rowids,
/// and an implicit rowid may be renumbered by `VACUUM`.
final class Schema {
    static final int VERSION = 2;

    static final List<String> V1 = List.of("""
            CREATE TABLE images (
              seq INTEGER PRIMARY KEY,
              id TEXT NOT NULL UNIQUE,
              path TEXT NOT NULL UNIQUE,
              created_ms INTEGER NOT NULL,
              provider TEXT,
              model TEXT,
              prompt_original TEXT NOT NULL DEFAULT '',
              prompt_final TEXT NOT NULL DEFAULT '',
              seed INTEGER,
              steps INTEGER,
              guidance REAL,
              width INTEGER,
              height INTEGER,
              aspect TEXT,
              favourite INTEGER NOT NULL DEFAULT 0,
              metadata TEXT NOT NULL)""",
            "CREATE INDEX images_created ON images(created_ms DESC, id DESC)",
            "CREATE INDEX images_favourite ON images(favourite, created_ms DESC)",
            "CREATE INDEX images_provider ON images(provider, created_ms DESC)",
            "CREATE INDEX images_model ON images(model, created_ms DESC)",
            """
            CREATE VIRTUAL TABLE images_fts USING fts5(prompt_original, prompt_final, content='images',
              content_rowid='seq', tokenize='unicode61 remove_diacritics 2')""",
            """
            CREATE TRIGGER images_ai AFTER INSERT ON images BEGIN
              INSERT INTO images_fts(rowid, prompt_original, prompt_final)
                VALUES (new.seq, new.prompt_original, new.prompt_final);
            END""",
            """
            CREATE TRIGGER images_ad AFTER DELETE ON images BEGIN
              INSERT INTO images_fts(images_fts, rowid, prompt_original, prompt_final)
                VALUES ('delete', old.seq, old.prompt_original, old.prompt_final);
            END""",
            """
            CREATE TRIGGER images_au AFTER UPDATE OF prompt_original, prompt_final ON images BEGIN
              INSERT INTO images_fts(images_fts, rowid, prompt_original, prompt_final)
                VALUES ('delete', old.seq, old.prompt_original, old.prompt_final);
              INSERT INTO images_fts(rowid, prompt_original, prompt_final)
                VALUES (new.seq, new.prompt_original, new.prompt_final);
            END""");

    /// The run an image belongs to (a studio batch or comparison; null for older rows and CLI images), and an
    /// index for the gallery's seed filter.
    static final List<String> V2 = List.of(
            "ALTER TABLE images ADD COLUMN run_id TEXT",
            "CREATE INDEX images_run ON images(run_id, created_ms)",
            "CREATE INDEX images_seed ON images(seed)");

    /// The steps in order: `STEPS.get(v)` takes an index from version `v` to `v + 1`.
    static final List<List<String>> STEPS = List.of(V1, V2);

    private Schema() {
    }
}
