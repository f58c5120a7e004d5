package io.quotacanvas.config;

/// Keeps token-like text out of problem messages.
final class Redaction {
    private Redaction() {
    }

    /// True for long text mixing letters and digits with no spaces: the shape of an API token, and never the
    /// shape of a config key (those are short snake_case words).
    static boolean looksLikeSecret(String text) {
        if (text.length() > 40) {
            return true;
        }
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
            digit |= Character.isDigit(c);
        }
        return text.length() >= 16 && letter && digit;
    }
}
