package io.quotacanvas.core;

import java.util.Objects;

/// A raw credential. Its `toString` is masked, so it can't leak through logging, string concatenation or
/// exception messages by accident; only [#reveal()] gives the value, and only HTTP auth code may call it.
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value").trim();
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("secret is empty");
        }
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
