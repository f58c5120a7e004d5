package io.quotacanvas.config;

import java.util.List;

/// `prompt:` — optimisation and translation defaults and their system prompts.
///
/// `translateModels` lists the canonical models that read English only (default: the FLUX family).
public record PromptConfig(boolean optimize, boolean autoTranslate, String optimizeSystemPrompt,
                           String translateSystemPrompt, List<String> translateModels) {}
