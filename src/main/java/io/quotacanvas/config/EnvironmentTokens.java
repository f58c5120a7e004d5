package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// Token lists and the OpenAI-compatible URL override read from environment variables.
///
/// For each provider the variables are read in this order: `QUOTA_CANVAS_<WIRE NAME>_TOKENS`, then
/// `QUOTA_CANVAS_HF_TOKENS` (Hugging Face only), then the legacy `T2I_PEINTURE_<…>_TOKENS`. Values are
/// comma- or newline-separated; items are trimmed and blanks dropped. Thread-safe.
final class EnvironmentTokens {
    private static final List<String> URL_VARIABLES =
            List.of("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL", "T2I_PEINTURE_OPENAI_COMPATIBLE_URL");

    private EnvironmentTokens() {
    }

    /// An environment value and the variable it came from.
    record Setting(String variable, String value) {}

    /// The variables read for `id`, in order.
    static List<String> variables(ProviderId id) {
        String upper = id.wireName().toUpperCase(Locale.ROOT);
        return switch (id) {
            case HUGGINGFACE -> List.of("QUOTA_CANVAS_HUGGINGFACE_TOKENS", "QUOTA_CANVAS_HF_TOKENS",
                    "T2I_PEINTURE_HF_TOKENS");
            default -> List.of("QUOTA_CANVAS_" + upper + "_TOKENS", "T2I_PEINTURE_" + upper + "_TOKENS");
        };
    }

    /// Every token the environment gives `id`, with source `env:<VARIABLE>`; may hold duplicates.
    static List<ConfiguredToken> tokens(ProviderId id, Map<String, String> env) {
        List<ConfiguredToken> tokens = new ArrayList<>();
        for (String variable : variables(id)) {
            String value = env.get(variable);
            if (value == null) {
                continue;
            }
            for (String item : value.split("[,\\r\\n]")) {
                if (!item.isBlank()) {
                    tokens.add(new ConfiguredToken(new Secret(item), "env:" + variable));
                }
            }
        }
        return tokens;
    }

    /// The first non-blank URL override for `providers.openai_compatible.base_url`, if any.
    static Optional<Setting> openAiCompatibleUrl(Map<String, String> env) {
        return URL_VARIABLES.stream()
                .filter(v -> env.get(v) != null && !env.get(v).isBlank())
                .map(v -> new Setting(v, env.get(v).trim()))
                .findFirst();
    }
}
