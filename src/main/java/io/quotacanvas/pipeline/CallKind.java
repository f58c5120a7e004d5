package io.quotacanvas.pipeline;

/// What a job asks of a provider. Provider health is kept per kind, so a failing chat model does not rest
/// a provider's image models, nor the reverse.
enum CallKind {
    IMAGE,
    TEXT
}
