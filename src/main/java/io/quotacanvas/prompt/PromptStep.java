package io.quotacanvas.prompt;

import io.quotacanvas.config.PromptConfig;
import io.quotacanvas.core.AttemptStep;

/// The two things a text model does to a prompt, in the order they run. `wireName` is the attempt's
/// `step` and the cache's `mode`.
public enum PromptStep {
    TRANSLATE("translate"),
    OPTIMIZE("optimize");

    private final String wireName;

    PromptStep(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /// The `step` of this step's attempt records.
    public AttemptStep attemptStep() {
        return this == TRANSLATE ? AttemptStep.TRANSLATE : AttemptStep.OPTIMIZE;
    }

    /// The configured system prompt for this step.
    public String systemPrompt(PromptConfig config) {
        return this == TRANSLATE ? config.translateSystemPrompt() : config.optimizeSystemPrompt();
    }
}
