package io.quotacanvas.core;

import java.util.Optional;

/// What an attempt record is about: generating the image, prompt work through a text model, or a candidate
/// passed over without a request.
public enum AttemptStep implements WireName {
    GENERATE,
    OPTIMIZE,
    TRANSLATE,
    SKIP;

    /// True for the prompt steps (`optimize`, `translate`).
    public boolean isPromptWork() {
        return this == OPTIMIZE || this == TRANSLATE;
    }

    public static Optional<AttemptStep> fromWireName(String name) {
        return WireName.parse(AttemptStep.class, name);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
