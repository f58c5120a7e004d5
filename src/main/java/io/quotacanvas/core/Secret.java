package io.quotacanvas.core;

import java.util.Objects;

/// A raw credential. Its `toString` is masked, so it can't leak through logging, string concatenation or
/// exception messages by accident; only [#reveal()] gives the value, and only HTTP auth code may call it.
public final class Secret {
    private final String value;

    /// `value` without the blanks around it, including the non-breaking and zero-width spaces copying from a
    /// web page brings along.
    public Secret(String value) {
        this.value = stripBlanks(Objects.requireNonNull(value, "value"));
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("secret is empty");
        }
    }

    private static String stripBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && blank(s.charAt(from))) {
            from++;
        }
        while (to > from && blank(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /// Whether the value can be sent in an HTTP header at all: printable ASCII without spaces, as every
    /// provider's tokens are. A space, a letter like `ö` or a typographic quote inside means a bad copy.
    public boolean sendable() {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /// The raw value. Call only to put it in an auth header bound for its own provider's host.
    public String reveal() {
        return value;
    }

    /// `…a1b2`: the last four characters, or just `…` for values too short to show any safely.
    public String masked() {
        return value.length() >= 12 ? "…" + value.substring(value.length() - 4) : "…";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[" + masked() + "]";
    }
}
