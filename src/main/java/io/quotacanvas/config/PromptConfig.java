package io.quotacanvas.config;

import java.net.URI;
import java.util.List;

/// `prompt:` — optimisation and translation defaults and their system prompts.
///
/// `translateModels` lists the canonical models that read English only (default: the FLUX family).
/// `keyless` is the public text endpoint used when no provider has a text model with a ready token.
public record PromptConfig(boolean optimize, boolean autoTranslate, String optimizeSystemPrompt,
                           String translateSystemPrompt, List<String> translateModels, Keyless keyless) {

    public PromptConfig {
        keyless = keyless == null ? Keyless.OFF : keyless;
    }

    /// A keyless OpenAI-compatible chat endpoint (`url` is the full chat URL, posted to as is) and its model.
    /// The prompt then goes to that third party.
    public record Keyless(boolean enabled, URI url, String model) {
        public static final Keyless OFF = new Keyless(false, null, null);

        public boolean usable() {
            return enabled && url != null && model != null && !model.isBlank();
        }
    }
}
