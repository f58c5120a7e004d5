package io.quotacanvas.core;

/// The concrete settings one image is generated with, after defaults and batch offsets are applied.
///
/// `guidanceScale` is null for models that take no guidance.
public record GenerationSettings(String prompt, AspectRatio aspectRatio, ImageSize size, long seed, int steps,
                                 Double guidanceScale, boolean hd) {}
