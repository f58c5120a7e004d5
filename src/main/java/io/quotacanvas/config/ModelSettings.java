package io.quotacanvas.config;

/// `providers.<name>.model_settings.<model>:` — how one canonical model is called on one provider.
///
/// Every field may be null, meaning "not set here": the provider-wide value (`hd_scale`, `max_size`) or the
/// built-in fallback applies.
/// - `steps`: default inference steps when the request gives none.
/// - `guidance`: default guidance scale when the request gives none; null = no default (a requested value
///   is still sent).
/// - `takesGuidance`: false (`guidance: none` in YAML) when the model takes no guidance at all: none is
///   sent, even when the request asks for one.
/// - `hdScale`: multiplier of both sides for `--enable-hd`.
/// - `maxSize`: the longest side, in pixels, this model accepts on this provider.
public record ModelSettings(Integer steps, Double guidance, boolean takesGuidance, Double hdScale, Integer maxSize) {

    /// Nothing set: every value falls back.
    public static final ModelSettings NONE = new ModelSettings(null, null, true, null, null);
}
