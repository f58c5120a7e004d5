package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/// Binds one `providers.<name>:` mapping to a [ProviderConfig], adding the environment's tokens and URL
/// override. Problems go to the section's [Problems]; token values never appear in them. Not thread-safe.
final class ProviderBinder {
    private static final List<String> KEYS = List.of("enabled", "base_url", "tokens", "models", "default_model",
            "text_model", "quota_reset", "rate_limit_cooldown", "hd_scale", "max_size", "model_settings", "timeouts",
            "options");
    private static final List<String> HF_KEYS = List.of("public_fallback", "spaces", "hub_url");
    private static final List<String> MODEL_SETTING_KEYS = List.of("steps", "guidance", "hd_scale", "max_size");
    /// The smallest side any provider accepts; a smaller `max_size` is surely a typo.
    private static final int MIN_SIZE = 64;

    private final Map<String, String> env;

    ProviderBinder(Map<String, String> env) {
        this.env = env;
    }

    ProviderConfig bind(ProviderId id, Section s) {
        List<String> known = new ArrayList<>(KEYS);
        if (id == ProviderId.HUGGINGFACE) {
            known.addAll(HF_KEYS);
        }
        s.allowOnly(known);
        Map<String, String> models = models(s);
        boolean hf = id == ProviderId.HUGGINGFACE;
        return new ProviderConfig(id, s.bool("enabled"), baseUrl(id, s), tokens(id, s), ordered(models),
                defaultModel(s, models), textModel(s), timeouts(s), quotaReset(s),
                s.positiveDuration("rate_limit_cooldown"), s.numberBetween("hd_scale", 1, 4),
                options(id, s), hf && s.has("public_fallback") && s.bool("public_fallback"),
                hf ? spaces(s) : Map.of(), hf && s.has("hub_url") ? s.httpUrl("hub_url") : null, maxSize(s),
                modelSettings(id, s, modelNames(s)));
    }

    /// `max_size:` — absent or null means no limit.
    private static int maxSize(Section s) {
        JsonNode raw = s.raw("max_size");
        return raw == null || raw.isNull() ? 0 : s.intAtLeast("max_size", MIN_SIZE);
    }

    /// `model_settings: {<model>: {steps, guidance, hd_scale, max_size}}`; each model must be one of `models`
    /// (except on `openai_compatible`, which passes unknown model ids through).
    /// The model names the file gives, valid or not (a broken entry is reported once, under models).
    private static Set<String> modelNames(Section s) {
        JsonNode node = s.raw("models");
        Set<String> names = new java.util.LinkedHashSet<>();
        if (node != null && node.isObject()) {
            names.addAll(node.propertyNames());
        }
        return names;
    }

    private static Map<String, ModelSettings> modelSettings(ProviderId id, Section s, Set<String> models) {
        Map<String, ModelSettings> out = new LinkedHashMap<>();
        JsonNode raw = s.raw("model_settings");
        if (raw == null || raw.isNull()) {
            return out;
        }
        s.section("model_settings").ifPresent(all -> {
            for (String model : all.keys()) {
                // an OpenAI-compatible server also takes model ids the map doesn't name
                if (!models.contains(model) && id != ProviderId.OPENAI_COMPATIBLE) {
                    s.problems().add(all.path(model), "'" + model + "' is not one of this provider's models ("
                            + String.join(", ", models) + "); add it under models or remove it here");
                }
                all.section(model).ifPresent(m -> out.put(model, modelSetting(m)));
            }
        });
        return ordered(out);
    }

    private static ModelSettings modelSetting(Section m) {
        m.allowOnly(MODEL_SETTING_KEYS);
        Integer steps = present(m, "steps") ? m.intAtLeast("steps", 1) : null;
        JsonNode guidance = m.raw("guidance");
        boolean none = guidance != null && guidance.isString() && guidance.stringValue().strip().equals("none");
        boolean text = guidance != null && guidance.isString() && !none && !guidance.stringValue().contains("${");
        if (text) {
            m.problems().add(m.path("guidance"), "must be a number, or none for a model that takes no guidance");
        }
        Double g = none || text || !present(m, "guidance") ? null : m.numberBetween("guidance", 0, 50);
        Double hd = present(m, "hd_scale") ? m.numberBetween("hd_scale", 1, 4) : null;
        Integer max = present(m, "max_size") ? m.intAtLeast("max_size", MIN_SIZE) : null;
        return new ModelSettings(steps, g, !none, hd, max);
    }

    private static boolean present(Section s, String key) {
        JsonNode raw = s.raw(key);
        return raw != null && !raw.isNull();
    }

    /// `options:` — parsed into the provider's typed options here, so an unknown option or a typo'd value is
    /// reported with its line instead of silently falling back to a default.
    private static ProviderOptions options(ProviderId id, Section s) {
        Map<String, String> raw = ordered(s.scalarMap("options", true));
        String at = s.path("options");
        return ProviderOptions.parse(id, raw, (name, problem) -> s.problems().add(YamlDocument.child(at, name),
                problem));
    }

    /// A disabled stand-in for a provider the merged config does not mention.
    static ProviderConfig absent(ProviderId id) {
        return new ProviderConfig(id, false, null, List.of(), Map.of(), null, null, null, null, null, 1,
                ProviderOptions.defaults(id),
                false, Map.of(), null, 0, Map.of());
    }

    private URI baseUrl(ProviderId id, Section s) {
        Optional<EnvironmentTokens.Setting> override = id == ProviderId.OPENAI_COMPATIBLE
                ? EnvironmentTokens.openAiCompatibleUrl(env) : Optional.empty();
        if (override.isEmpty()) {
            // an OpenAI-compatible endpoint has no default host: without one the provider waits, unused
            boolean optional = id == ProviderId.OPENAI_COMPATIBLE && !present(s, "base_url");
            return optional ? null : s.httpUrl("base_url");
        }
        URI uri = Urls.absoluteHttp(override.get().value());
        if (uri == null) {
            s.problems().addUnlocated(s.path("base_url"), "set from " + override.get().variable()
                    + ", which must be an absolute http(s) URL such as https://example.com/v1; fix or unset the variable");
        }
        return uri;
    }

    private List<ConfiguredToken> tokens(ProviderId id, Section s) {
        List<ConfiguredToken> all = new ArrayList<>(configTokens(s));
        all.addAll(EnvironmentTokens.tokens(id, env));
        // the first occurrence wins, so a token keeps the source a person wrote it in first
        Set<Secret> seen = new HashSet<>();
        return all.stream().filter(t -> seen.add(t.secret())).toList();
    }

    /// Config tokens: an entry that expands to nothing (an unset `${VAR}`) is dropped on purpose.
    private List<ConfiguredToken> configTokens(Section s) {
        JsonNode list = s.raw("tokens");
        List<ConfiguredToken> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            s.problems().add(s.path("tokens"), "must be a list of strings like [\"${MY_TOKEN}\"]; got "
                    + Section.kind(list));
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = YamlDocument.item(s.path("tokens"), i);
            JsonNode item = list.get(i);
            if (!item.isString()) {
                s.problems().add(at, "must be a string (a token); got " + Section.kind(item));
                continue;
            }
            EnvExpander.Expansion e = s.env().expand(item.stringValue());
            if (e.malformed()) {
                s.problems().add(at, "has a '${' without a closing '}'; write ${NAME} or ${NAME:-fallback}");
            } else if (!e.value().isBlank() && !e.unset().isEmpty()) {
                s.problems().add(at, "environment variable " + String.join(", ", e.unset())
                        + " is not set, so only part of this token is known; set it or remove the entry");
            } else if (!e.value().isBlank()) {
                out.add(new ConfiguredToken(new Secret(e.value()), "config"));
            }
        }
        return out;
    }

    private static Map<String, String> models(Section s) {
        Map<String, String> models = new LinkedHashMap<>();
        JsonNode node = s.raw("models");
        if (node != null && !node.isObject()) {
            s.problems().add(s.path("models"), "must be a mapping of canonical model: provider model id; got "
                    + Section.kind(node));
            return models;
        }
        s.section("models").ifPresent(m -> {
            for (String key : m.keys()) {
                JsonNode raw = m.raw(key);
                if (raw.isString() && raw.stringValue().isBlank()) {
                    s.problems().add(m.path(key), "the provider's model id must not be empty");
                    continue;
                }
                String modelId = m.textOf(raw, m.path(key));
                if (key.isBlank()) {
                    s.problems().add(m.path(key), "the canonical model name must not be empty");
                } else if (modelId != null) {
                    models.put(key, modelId);
                }
            }
        });
        return models;
    }

    private static String defaultModel(Section s, Map<String, String> models) {
        String explicit = s.optionalText("default_model");
        if (explicit != null && !models.containsKey(explicit)) {
            s.problems().add(s.path("default_model"), "'" + explicit + "' is not one of this provider's models ("
                    + String.join(", ", models.keySet()) + "); add it under models or pick one of them");
        }
        return explicit != null ? explicit : models.keySet().stream().findFirst().orElse(null);
    }

    private static String textModel(Section s) {
        JsonNode raw = s.raw("text_model");
        if (raw != null && raw.isString() && raw.stringValue().isBlank()) {
            s.problems().add(s.path("text_model"), "must not be empty; write null for no text model");
            return null;
        }
        return s.optionalText("text_model");
    }

    /// An unmodifiable copy that keeps the file's order (`Map.copyOf` would not).
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Timeouts timeouts(Section s) {
        return s.section("timeouts").map(t -> {
            t.allowOnly(List.of("connect", "read", "overall"));
            return new Timeouts(t.positiveDuration("connect"), t.positiveDuration("read"),
                    t.positiveDuration("overall"));
        }).orElse(null);
    }

    private static QuotaReset quotaReset(Section s) {
        return s.section("quota_reset").map(q -> {
            q.allowOnly(List.of("period", "zone"));
            return new QuotaReset(period(q), zone(q));
        }).orElse(null);
    }

    private static QuotaReset.Period period(Section q) {
        String text = q.text("period");
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "daily" -> QuotaReset.Period.DAILY;
            case "monthly" -> QuotaReset.Period.MONTHLY;
            default -> {
                q.problems().add(q.path("period"), "must be daily or monthly; got '" + text + "'");
                yield null;
            }
        };
    }

    private static ZoneId zone(Section q) {
        String text = q.text("zone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            q.problems().add(q.path("zone"), "unknown time zone '" + text
                    + "'; use a region id such as UTC, Europe/Paris or Asia/Shanghai");
            return null;
        }
    }

    private static Map<String, ProviderConfig.SpaceConfig> spaces(Section s) {
        Map<String, ProviderConfig.SpaceConfig> spaces = new LinkedHashMap<>();
        if (!s.has("spaces") || s.raw("spaces").isNull()) {
            return spaces;
        }
        s.section("spaces").ifPresent(all -> {
            for (String model : all.keys()) {
                all.section(model).ifPresent(space -> {
                    space.allowOnly(List.of("url", "api_name", "parameters"));
                    spaces.put(model, new ProviderConfig.SpaceConfig(space.httpUrl("url"), space.text("api_name"),
                            ordered(space.scalarMap("parameters", false))));
                });
            }
        });
        return ordered(spaces);
    }
}
