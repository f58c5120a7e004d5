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
/// - `options`: provider-specific extras (e.g. gitee `failover`, openai_compatible `send_seed`).
/// - `publicFallback`, `spaces`: Hugging Face only (anonymous public Spaces).
public record ProviderConfig(ProviderId id, boolean enabled, URI baseUrl, List<ConfiguredToken> tokens,
                             Map<String, String> models, String defaultModel, String textModel, Timeouts timeouts,
                             QuotaReset quotaReset, Duration rateLimitCooldown, double hdScale,
                             Map<String, String> options, boolean publicFallback, Map<String, SpaceConfig> spaces) {

    public boolean supports(String canonicalModel) {
        return models.containsKey(canonicalModel);
    }

    /// A Hugging Face Space serving a canonical model: its host URL, Gradio api name, and optional
    /// overrides mapping our request fields (`prompt`, `width`, `seed`…) to the Space's parameter names.
    public record SpaceConfig(URI url, String apiName, Map<String, String> parameters) {}
}
