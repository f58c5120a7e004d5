package io.quotacanvas.prompt;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/// Decides whether a prompt is already English, cheaply and without a network call.
///
/// A prompt needs translation when a fair share of its letters are in a non-Latin script (CJK, Cyrillic,
/// Arabic, Greek, Hebrew, Thai, Devanagari…), or when it is written in Latin letters but its function words
/// are clearly those of another European language. When in doubt it says "English": a needless LLM call
/// is worse than sending a mixed prompt as it is. Stateless and thread-safe.
public final class PromptLanguage {
    /// Non-Latin letters at or above this share of all letters make a prompt non-English. CJK writes a word
    /// in one or two characters, so a quoted sign text ("a sign saying 你好") stays well below it.
    private static final double NON_LATIN_SHARE = 0.2;
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "of", "with", "and", "in", "on", "at",
            "by", "for", "from", "to", "is", "are", "under", "over", "its", "his", "her", "their", "this", "that",
            "wearing", "holding", "standing", "sitting", "into", "through", "beside", "behind");
    // Function words of French, German, Spanish, Italian and Portuguese that are not also English words.
    private static final Set<String> FOREIGN = Set.of(
            "le", "la", "les", "une", "des", "du", "dans", "avec", "et", "sur", "sous", "est", "au", "aux",
            "der", "das", "ein", "eine", "einem", "einer", "im", "mit", "und", "auf", "unter", "ist", "dem", "den",
            "el", "los", "las", "una", "unos", "con", "en", "y", "sobre", "del", "al", "entre",
            "il", "lo", "gli", "uno", "nel", "nella", "della", "delle", "di", "e", "che",
            "os", "uma", "com", "em", "na", "do", "da", "dos", "sob");

    private PromptLanguage() {
    }

    /// True when `text` is clearly not English and an English-only model would misread it.
    public static boolean needsTranslation(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return nonLatinShare(text) >= NON_LATIN_SHARE || latinButForeign(text);
    }

    /// The share of letters that are not in the Latin script (0 when there are no letters).
    static double nonLatinShare(String text) {
        int letters = 0;
        int nonLatin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON) {
                nonLatin++;
            }
        }
        return letters == 0 ? 0 : (double) nonLatin / letters;
    }

    private static boolean latinButForeign(String text) {
        int english = 0;
        int foreign = 0;
        var words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String w = words.group();
            if (ENGLISH.contains(w)) {
                english++;
            } else if (FOREIGN.contains(w)) {
                foreign++;
            }
        }
        // two foreign function words and more of them than English ones: "un renard roux dans la neige"
        return foreign >= 2 && foreign > english;
    }
}
