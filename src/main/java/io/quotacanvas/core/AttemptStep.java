package io.quotacanvas.core;

import java.util.Locale;
import java.util.Optional;

/// What an attempt record is about: generating the image, prompt work through a text model, or a candidate
/// passed over without a request.
public enum AttemptStep {
    GENERATE,
    OPTIMIZE,
    TRANSLATE,
    SKIP;

    /// The name in the JSON contract (`generate`).
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /// True for the prompt steps (`optimize`, `translate`).
    public boolean isPromptWork() {
        return this == OPTIMIZE || this == TRANSLATE;
    }

    public static Optional<AttemptStep> fromWireName(String name) {
        for (AttemptStep s : values()) {
            if (s.wireName().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
