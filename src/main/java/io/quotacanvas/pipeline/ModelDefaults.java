package io.quotacanvas.pipeline;

import io.quotacanvas.config.ModelSettings;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.AspectRatio;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.ProviderId;
import java.util.Map;

/// What one image is sent with on one provider and model: steps, guidance and pixel size, from the request
/// where it says, else from the provider's `model_settings` (the seed skill's matrix by default). Pure and
/// thread-safe.
///
/// - steps: the request's, else the model's setting, else the canonical default below.
/// - guidance: none for a model that takes none (`guidance: none`) and on providers whose wire protocol has
///   no guidance field (A4F, OpenAI-compatible), even when asked; else the request's, else the model's
///   default (none when it has no default).
/// - size: the aspect ratio's size, times the model's `hd_scale` (else the provider's) with `--enable-hd`,
///   then scaled down to fit the model's `max_size` (else the provider's) on its longer side.
public final class ModelDefaults {

    /// Default steps and guidance of a canonical model (guidance null = none).
    public record Defaults(int steps, Double guidanceScale) {}

    /// Typical values per canonical model: the fallback for a model that has no `model_settings` entry on its
    /// provider, and the hint the studio shows. Unknown models get 20 steps and no guidance.
    private static final Map<String, Defaults> DEFAULTS = Map.ofEntries(
            Map.entry("z-image-turbo", new Defaults(9, null)),
            Map.entry("z-image", new Defaults(30, 4.0)),
            Map.entry("qwen-image", new Defaults(20, null)),
            Map.entry("flux-2", new Defaults(20, 3.5)),
            Map.entry("flux-1-schnell", new Defaults(8, null)),
            Map.entry("flux-1-krea", new Defaults(20, 4.5)),
            Map.entry("flux-1", new Defaults(20, 4.5)),
            Map.entry("kolors", new Defaults(25, 7.5)),
            Map.entry("ovis-image", new Defaults(24, 4.0)));
    private static final Defaults UNKNOWN = new Defaults(20, null);

    private ModelDefaults() {
    }

    /// The typical defaults of `canonicalModel`, whatever the provider.
    public static Defaults of(String canonicalModel) {
        return DEFAULTS.getOrDefault(canonicalModel, UNKNOWN);
    }

    /// The settings `request` is sent with to `canonicalModel` on `provider`, with `prompt` and `seed` already
    /// decided.
    public static GenerationSettings settings(ProviderConfig provider, String canonicalModel, ImageRequest request,
                                              String prompt, long seed) {
        ModelSettings model = provider.settingsFor(canonicalModel);
        boolean described = model != ModelSettings.NONE;
        Defaults fallback = of(canonicalModel);
        int steps = request.steps() != null ? request.steps()
                : model.steps() != null ? model.steps() : fallback.steps();
        Double guidance = takesGuidance(provider, model) ? (request.guidanceScale() != null ? request.guidanceScale()
                : described ? model.guidance() : fallback.guidanceScale()) : null;
        return new GenerationSettings(prompt, request.aspectRatio(), size(provider, model, request.aspectRatio(),
                request.enableHd()), seed, steps, guidance, request.enableHd());
    }

    /// The pixel size for `ratio` on this provider and model.
    public static ImageSize size(ProviderConfig provider, ModelSettings model, AspectRatio ratio, boolean hd) {
        double scale = model.hdScale() != null ? model.hdScale() : provider.hdScale() > 0 ? provider.hdScale() : 1.0;
        ImageSize size = ratio.size(hd, scale);
        int max = model.maxSize() != null ? model.maxSize() : provider.maxSize();
        return max > 0 ? fit(size, max) : size;
    }

    /// `size` scaled down, keeping its shape, so its longer side is at most `max` (sides on multiples of 16).
    static ImageSize fit(ImageSize size, int max) {
        int longer = Math.max(size.width(), size.height());
        if (longer <= max) {
            return size;
        }
        double factor = (double) max / longer;
        return new ImageSize(floor16(size.width() * factor), floor16(size.height() * factor));
    }

    private static boolean takesGuidance(ProviderConfig provider, ModelSettings model) {
        // their request bodies have no guidance field, so none is ever sent
        boolean wireHasGuidance = provider.id() != ProviderId.A4F && provider.id() != ProviderId.OPENAI_COMPATIBLE;
        return wireHasGuidance && model.takesGuidance();
    }

    private static int floor16(double v) {
        return Math.max(16, (int) Math.floor(v / 16.0) * 16);
    }
}
