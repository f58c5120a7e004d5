package io.quotacanvas.config;

import io.quotacanvas.core.Secret;

/// A token from the config file or the environment, with where it came from
/// (`config`, or the variable's name such as `env:QUOTA_CANVAS_GITEE_TOKENS`).
public record ConfiguredToken(Secret secret, String source) {}
