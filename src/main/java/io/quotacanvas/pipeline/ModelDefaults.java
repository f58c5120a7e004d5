package io.quotacanvas.pipeline;

import java.util.Map;

/// Default steps and guidance per canonical model (from the seed skill's model matrix), used when the
/// request does not set them. Unknown models get 20 steps and no guidance.
public final class ModelDefaults {

    public record Defaults(int steps, Double guidanceScale) {}

    private static final Map<String, Defaults> DEFAULTS = Map.ofEntries(
            Map.entry("z-image-turbo", new Defaults(9, null)),
            Map.entry("z-image", new Defaults(30, 4.0)),
            Map.entry("qwen-image", new Defaults(20, 4.0)),
            Map.entry("flux-2", new Defaults(20, 3.5)),
            Map.entry("flux-1-schnell", new Defaults(8, 7.5)),
            Map.entry("flux-1-krea", new Defaults(20, 4.5)),
            Map.entry("flux-1", new Defaults(20, 4.5)),
            Map.entry("kolors", new Defaults(25, 7.5)),
            Map.entry("ovis-image", new Defaults(24, 4.0)));

    private ModelDefaults() {
    }

    public static Defaults of(String canonicalModel) {
        return DEFAULTS.getOrDefault(canonicalModel, new Defaults(20, null));
    }
}
