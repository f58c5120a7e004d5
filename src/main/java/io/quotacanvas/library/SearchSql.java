package io.quotacanvas.library;

import java.util.ArrayList;
import java.util.List;

/// Builds the `WHERE` clause of a gallery query from a [LibraryQuery], never splicing user text into SQL.
///
/// Search text is split on white space; every term must match (AND) as a word prefix in either prompt. Terms
/// are quoted as FTS5 strings so operators (`OR`, `(`, `"`, `*`, `NEAR`) in user input are plain text.
/// Terms with CJK characters use a substring match instead, because the word tokenizer sees a run of Chinese
/// characters as one word.
final class SearchSql {
    /// The clause (starting with ` WHERE`, or empty) and its bind arguments in order.
    record Clause(String sql, List<Object> args) {}

    private SearchSql() {
    }

    static Clause where(LibraryQuery q) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        List<String> ftsTerms = new ArrayList<>();
        for (String term : q.text() == null ? new String[0] : q.text().strip().split("\\s+")) {
            if (hasCjk(term)) {
                conditions.add("(i.prompt_original LIKE ? ESCAPE '\\' OR i.prompt_final LIKE ? ESCAPE '\\')");
                String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                args.add(like);
                args.add(like);
            } else if (term.codePoints().anyMatch(Character::isLetterOrDigit)) {
                ftsTerms.add("\"" + term.replace("\"", "\"\"") + "\"*");
            }
        }
        if (!ftsTerms.isEmpty()) {
            conditions.add("i.seq IN (SELECT rowid FROM images_fts WHERE images_fts MATCH ?)");
            args.add(String.join(" ", ftsTerms));
        }
        if (q.favouritesOnly()) {
            conditions.add("i.favourite = 1");
        }
        if (q.provider() != null) {
            conditions.add("i.provider = ?");
            args.add(q.provider().wireName());
        }
        if (q.model() != null && !q.model().isBlank()) {
            conditions.add("i.model = ?");
            args.add(q.model().strip());
        }
        if (q.from() != null) {
            conditions.add("i.created_ms >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.until() != null) {
            conditions.add("i.created_ms < ?");
            args.add(q.until().toEpochMilli());
        }
        aspect(q.aspectRatio(), conditions, args);
        if (q.seed() != null) {
            conditions.add("i.seed = ?");
            args.add(q.seed());
        }
        if (q.runId() != null && !q.runId().isBlank()) {
            conditions.add("i.run_id = ?");
            args.add(q.runId().strip());
        }
        if (!q.excludedIds().isEmpty()) {
            // one JSON parameter, however many ids: SQLite caps the number of bind variables
            conditions.add("i.id NOT IN (SELECT value FROM json_each(?))");
            args.add(jsonArray(q.excludedIds()));
        }
        return new Clause(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    /// `ORDER BY` for the query's direction; ties (same millisecond) by id, so pages never overlap.
    static String order(LibraryQuery q) {
        return q.oldestFirst() ? " ORDER BY i.created_ms ASC, i.id ASC" : " ORDER BY i.created_ms DESC, i.id DESC";
    }

    /// `ids` as a JSON array of strings, for `json_each`.
    static String jsonArray(java.util.Collection<String> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (String id : ids) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"');
            id.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    sb.append('\\').append((char) c);
                } else if (c < 0x20) {
                    sb.append("\\u%04x".formatted(c));
                } else {
                    sb.append((char) c);
                }
            });
            sb.append('"');
        }
        return sb.append(']').toString();
    }

    /// An aspect label such as `16:9`: our images by their recorded label; images from other tools (no label)
    /// by their pixel size, within 2 %.
    private static void aspect(String label, List<String> conditions, List<Object> args) {
        if (label == null || label.isBlank()) {
            return;
        }
        String[] parts = label.strip().split(":");
        double ratio;
        try {
            ratio = Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
        } catch (RuntimeException notARatio) {
            conditions.add("i.aspect = ?");
            args.add(label.strip());
            return;
        }
        conditions.add("(i.aspect = ? OR (i.aspect IS NULL AND i.height > 0"
                + " AND abs(i.width * 1.0 / i.height - ?) < ? * 0.02))");
        args.add(label.strip());
        args.add(ratio);
        args.add(ratio);
    }

    private static boolean hasCjk(String term) {
        return term.codePoints().anyMatch(cp -> switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        });
    }
}
