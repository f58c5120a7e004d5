package io.quotacanvas.core;

import java.util.Arrays;
import java.util.Optional;

/// The providers Quota Canvas can route to, with their config/CLI names and token label prefixes.
public enum ProviderId {
    HUGGINGFACE("huggingface", "hf"),
    GITEE("gitee", "gitee"),
    MODELSCOPE("modelscope", "ms"),
    A4F("a4f", "a4f"),
    OPENAI_COMPATIBLE("openai_compatible", "oai");

    private final String wireName;
    private final String labelPrefix;

    ProviderId(String wireName, String labelPrefix) {
        this.wireName = wireName;
        this.labelPrefix = labelPrefix;
    }

    /// The name used in config files, CLI flags and JSON (`gitee`, `openai_compatible`…).
    public String wireName() {
        return wireName;
    }

    /// Short prefix of masked token labels (`hf#2 …a1b2`).
    public String labelPrefix() {
        return labelPrefix;
    }

    /// Finds a provider by its wire name; case-insensitive, `-` accepted for `_`.
    public static Optional<ProviderId> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String normalized = name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(p -> p.wireName.equals(normalized)).findFirst();
    }

    /// The name of `provider` as records and events show it: its wire name, or `keyless` for null (the keyless
    /// public text endpoint, which is no provider of ours).
    public static String nameOf(ProviderId provider) {
        return provider == null ? "keyless" : provider.wireName;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
