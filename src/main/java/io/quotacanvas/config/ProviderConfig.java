package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/// `providers.<name>:` — one provider's endpoint, token pool, model map and quota rules.
///
/// - `tokens`: config tokens then environment tokens, `${ENV}` expanded, blanks and duplicates dropped.
/// - `models`: canonical model → provider model id, in preference order; `defaultModel` is the provider's
///   fallback canonical model (the first key unless set).
/// - `textModel`: chat model used for prompt optimisation/translation, or null.
/// - `quotaReset`: when a spent token comes back (a `Retry-After` hint wins).
/// - `rateLimitCooldown`: how long a rate-limited token rests when no `Retry-After` is given.
/// - `hdScale`: size multiplier for `--enable-hd`.
/// - `options`: what this provider's adapter can be told beyond the common keys, typed ([ProviderOptions]).
/// - `publicFallback`, `spaces`, `hubUrl`: Hugging Face only (anonymous public Spaces; the Hub that answers
///   the token probe `whoami-v2`).
/// - `maxSize`: the longest image side the provider accepts (0 = no limit); HD sizes are clamped to it.
/// - `modelSettings`: per canonical model, default steps and guidance, HD scale and size limit.
///
/// `baseUrl` is null only for `openai_compatible` before one is given: see [#setupProblem()].
public record ProviderConfig(ProviderId id, boolean enabled, URI baseUrl, List<ConfiguredToken> tokens,
                             Map<String, String> models, String defaultModel, String textModel, Timeouts timeouts,
                             QuotaReset quotaReset, Duration rateLimitCooldown, double hdScale,
                             ProviderOptions options, boolean publicFallback, Map<String, SpaceConfig> spaces,
                             URI hubUrl, int maxSize, Map<String, ModelSettings> modelSettings) {

    /// The config key naming an OpenAI-compatible endpoint, and the environment variables that can set it.
    public static final String OPENAI_COMPATIBLE_URL_HINT = "set providers.openai_compatible.base_url in the config"
            + " (or QUOTA_CANVAS_OPENAI_COMPATIBLE_URL / T2I_PEINTURE_OPENAI_COMPATIBLE_URL), e.g."
            + " https://api.siliconflow.cn/v1";

    public ProviderConfig {
        modelSettings = modelSettings == null ? Map.of() : modelSettings;
        options = options == null ? ProviderOptions.defaults(id) : options;
    }

    /// The shape before HD limits, per-model settings and the Hub address were configurable: none of them set.
    public ProviderConfig(ProviderId id, boolean enabled, URI baseUrl, List<ConfiguredToken> tokens,
                          Map<String, String> models, String defaultModel, String textModel, Timeouts timeouts,
                          QuotaReset quotaReset, Duration rateLimitCooldown, double hdScale,
                          ProviderOptions options, boolean publicFallback, Map<String, SpaceConfig> spaces) {
        this(id, enabled, baseUrl, tokens, models, defaultModel, textModel, timeouts, quotaReset, rateLimitCooldown,
                hdScale, options, publicFallback, spaces, null, 0, Map.of());
    }

    public boolean supports(String canonicalModel) {
        return models.containsKey(canonicalModel);
    }

    /// The settings of `canonicalModel` here, or [ModelSettings#NONE].
    public ModelSettings settingsFor(String canonicalModel) {
        return modelSettings.getOrDefault(canonicalModel, ModelSettings.NONE);
    }

    /// Why this provider can't be called although it may be enabled, or null when it can: an
    /// OpenAI-compatible endpoint has no default host, so it waits for a base URL.
    public String setupProblem() {
        return baseUrl == null && id == ProviderId.OPENAI_COMPATIBLE ? "no base URL: " + OPENAI_COMPATIBLE_URL_HINT
                : null;
    }

    /// True when a requested model id this provider's map doesn't name is sent as-is (an OpenAI-compatible
    /// server has its own catalogue, as the seed skill assumes).
    public boolean passesUnknownModels() {
        return id == ProviderId.OPENAI_COMPATIBLE;
    }

    /// This config with `baseUrl` replaced (for probes that talk to another host of the provider).
    public ProviderConfig withBaseUrl(URI url) {
        return new ProviderConfig(id, enabled, url, tokens, models, defaultModel, textModel, timeouts, quotaReset,
                rateLimitCooldown, hdScale, options, publicFallback, spaces, hubUrl, maxSize, modelSettings);
    }

    /// A Hugging Face Space serving a canonical model: its host URL, Gradio api name, and optional
    /// overrides mapping our request fields (`prompt`, `width`, `seed`…) to the Space's parameter names.
    public record SpaceConfig(URI url, String apiName, Map<String, String> parameters) {}
}
