package io.quotacanvas.core;

import java.time.Duration;
import java.util.Objects;

/// What a person (or agent) asked for, before routing. Optional values are null when not given.
///
/// `provider` null means auto routing. `count` is the batch size (1 to [#MAX_COUNT]). `timeout` caps the total
/// time spent on each image. `exactModel` keeps every provider to `model` (no fallback to `z-image-turbo` or
/// the provider's default): a comparison of models asks for exactly the one it shows.
public record ImageRequest(String prompt, ProviderId provider, String model, AspectRatio aspectRatio, Long seed,
                           Integer steps, Double guidanceScale, boolean enableHd, boolean optimizePrompt,
                           boolean autoTranslate, int count, Duration timeout, boolean exactModel) {

    public static final String DEFAULT_MODEL = "z-image-turbo";
    /// The aspect ratio's label when none is asked for; text, so picocli's annotations can use it.
    public static final String DEFAULT_ASPECT_RATIO_LABEL = "1:1";
    public static final AspectRatio DEFAULT_ASPECT_RATIO = AspectRatio.fromLabel(DEFAULT_ASPECT_RATIO_LABEL).orElseThrow();
    /// The time limit per image in seconds when none is asked for; text, so picocli's annotations can use it.
    public static final String DEFAULT_TIMEOUT_SECONDS = "180";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(Long.parseLong(DEFAULT_TIMEOUT_SECONDS));
    /// The largest batch one request may ask for.
    public static final int MAX_COUNT = 64;

    public ImageRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(aspectRatio, "aspectRatio");
        Objects.requireNonNull(timeout, "timeout");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
    }

    /// A request whose providers may fall back to other models, as routing does by default.
    public ImageRequest(String prompt, ProviderId provider, String model, AspectRatio aspectRatio, Long seed,
                        Integer steps, Double guidanceScale, boolean enableHd, boolean optimizePrompt,
                        boolean autoTranslate, int count, Duration timeout) {
        this(prompt, provider, model, aspectRatio, seed, steps, guidanceScale, enableHd, optimizePrompt, autoTranslate,
                count, timeout, false);
    }

    /// A single-image request with every option at its default.
    public static ImageRequest of(String prompt) {
        return new ImageRequest(prompt, null, DEFAULT_MODEL, DEFAULT_ASPECT_RATIO, null, null, null, false, true,
                false, 1, DEFAULT_TIMEOUT);
    }

    public ImageRequest withProvider(ProviderId p) {
        return new ImageRequest(prompt, p, model, aspectRatio, seed, steps, guidanceScale, enableHd, optimizePrompt,
                autoTranslate, count, timeout, exactModel);
    }

    public ImageRequest withModel(String m) {
        return new ImageRequest(prompt, provider, m, aspectRatio, seed, steps, guidanceScale, enableHd, optimizePrompt,
                autoTranslate, count, timeout, exactModel);
    }

    public ImageRequest withCount(int n) {
        return new ImageRequest(prompt, provider, model, aspectRatio, seed, steps, guidanceScale, enableHd,
                optimizePrompt, autoTranslate, n, timeout, exactModel);
    }

    public ImageRequest withSeed(Long s) {
        return new ImageRequest(prompt, provider, model, aspectRatio, s, steps, guidanceScale, enableHd,
                optimizePrompt, autoTranslate, count, timeout, exactModel);
    }

    public ImageRequest withTimeout(Duration t) {
        return new ImageRequest(prompt, provider, model, aspectRatio, seed, steps, guidanceScale, enableHd,
                optimizePrompt, autoTranslate, count, t, exactModel);
    }

    public ImageRequest withOptimizePrompt(boolean on) {
        return new ImageRequest(prompt, provider, model, aspectRatio, seed, steps, guidanceScale, enableHd, on,
                autoTranslate, count, timeout, exactModel);
    }

    public ImageRequest withExactModel(boolean exact) {
        return new ImageRequest(prompt, provider, model, aspectRatio, seed, steps, guidanceScale, enableHd,
                optimizePrompt, autoTranslate, count, timeout, exact);
    }
}
