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
        return new Clause(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    private static boolean hasCjk(String term) {
        return term.codePoints().anyMatch(cp -> switch (Character.UnicodeScript.of(cp)) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        });
    }
}
