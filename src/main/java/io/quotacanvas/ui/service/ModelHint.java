package io.quotacanvas.ui.service;

/// The steps and guidance a provider sends a model with when the request leaves them blank (its
/// `model_settings`, else the built-in matrix); `guidance` is null when none is sent. Immutable.
public record ModelHint(int steps, Double guidance) {}
