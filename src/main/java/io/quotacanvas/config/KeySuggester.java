package io.quotacanvas.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/// Finds the known key a mistyped one was probably meant to be (`provder_order` → `provider_order`).
final class KeySuggester {
    private KeySuggester() {
    }

    /// The closest key within a small edit distance, ignoring case and `-` versus `_`.
    static Optional<String> closest(String typed, Collection<String> known) {
        String a = normalize(typed);
        int limit = Math.max(1, Math.min(3, a.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(a, normalize(candidate));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
