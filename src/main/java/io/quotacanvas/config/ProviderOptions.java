package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/// `providers.<name>.options:` — what each adapter can be told beyond the common keys, one typed record per
/// provider. Parsed once, at config load, by the code that validates it: an unknown option or a bad value is
/// a config problem with its line, never a silent default.
public sealed interface ProviderOptions {

    /// `token_route`: `spaces` (default: a token calls the model's Space with its ZeroGPU quota) or
    /// `router` (it spends Inference Providers credits through hf-inference).
    record HuggingFace(TokenRoute tokenRoute) implements ProviderOptions {}

    enum TokenRoute { SPACES, ROUTER }

    /// `failover`: lets Gitee move the request to another compute pool (`X-Failover-Enabled`).
    record Gitee(boolean failover) implements ProviderOptions {}

    /// `poll_interval`: how often a submitted task is polled.
    record ModelScope(Duration pollInterval) implements ProviderOptions {}

    record A4f() implements ProviderOptions {}

    /// `send_seed`: send the `seed` field; `response_format`: ask for `url` or `b64_json`, or `omit` the field
    /// (OpenAI's gpt-image models reject it).
    record OpenAiCompatible(boolean sendSeed, ResponseFormat responseFormat) implements ProviderOptions {}

    enum ResponseFormat {
        URL, B64_JSON, OMIT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(3);
    /// Shorter than this would turn polling into a busy loop against the provider.
    Duration SHORTEST_POLL_INTERVAL = Duration.ofMillis(10);

    /// The options a provider has when its config sets none.
    static ProviderOptions defaults(ProviderId id) {
        return parse(id, Map.of(), (key, problem) -> { });
    }

    /// Parses `raw` (option name → text) for `id`; every problem goes to `problems` (option name, message)
    /// and the option keeps its default.
    static ProviderOptions parse(ProviderId id, Map<String, String> raw, BiConsumer<String, String> problems) {
        Reader r = new Reader(raw, problems);
        ProviderOptions options = switch (id) {
            case HUGGINGFACE -> new HuggingFace(r.choice("token_route", TokenRoute.class, TokenRoute.SPACES));
            case GITEE -> new Gitee(r.bool("failover", false));
            case MODELSCOPE -> new ModelScope(r.duration("poll_interval", DEFAULT_POLL_INTERVAL,
                    SHORTEST_POLL_INTERVAL));
            case A4F -> new A4f();
            case OPENAI_COMPATIBLE -> new OpenAiCompatible(r.bool("send_seed", false),
                    r.choice("response_format", ResponseFormat.class, ResponseFormat.B64_JSON));
        };
        r.reportUnknown();
        return options;
    }

    /// Reads options by name, remembering which were asked for.
    final class Reader {
        private final Map<String, String> raw;
        private final BiConsumer<String, String> problems;
        private final List<String> known = new ArrayList<>();

        private Reader(Map<String, String> raw, BiConsumer<String, String> problems) {
            this.raw = raw;
            this.problems = problems;
        }

        private String text(String key) {
            known.add(key);
            String value = raw.get(key);
            return value == null || value.isBlank() ? null : value.strip();
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value.toLowerCase(Locale.ROOT));
            }
            problems.accept(key, "must be true or false");
            return fallback;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
            String value = text(key);
            if (value == null) {
                return fallback;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(value)) {
                    return e;
                }
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
            problems.accept(key, "must be one of " + String.join(", ", names));
            return fallback;
        }

        Duration duration(String key, Duration fallback, Duration shortest) {
            String value = text(key);
            if (value == null) {
                return fallback;
            }
            var parsed = Durations.parse(value);
            if (parsed.isEmpty() || parsed.get().compareTo(shortest) < 0) {
                problems.accept(key, "must be a duration of at least " + shortest.toMillis() + "ms, such as 3s or 500ms");
                return fallback;
            }
            return parsed.get();
        }

        void reportUnknown() {
            for (String key : raw.keySet()) {
                if (!known.contains(key)) {
                    String hint = KeySuggester.closest(key, known).map(k -> "did you mean '" + k + "'? ").orElse("");
                    problems.accept(key, "unknown option; " + hint + (known.isEmpty() ? "this provider takes none"
                            : "known: " + String.join(", ", known)));
                }
            }
        }
    }
}
