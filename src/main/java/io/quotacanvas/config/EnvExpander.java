package io.quotacanvas.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Expands `${NAME}` and `${NAME:-fallback}` from an environment map.
///
/// As in a POSIX shell, the fallback applies when the variable is unset or empty. An unset variable with no
/// fallback expands to nothing and is listed in [Expansion#unset()] so the caller decides whether that is a
/// problem. A `${` with no valid closing `}` marks the expansion malformed. Thread-safe.
final class EnvExpander {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Map<String, String> env;

    EnvExpander(Map<String, String> env) {
        this.env = env;
    }

    /// The result of expanding one string.
    record Expansion(String value, List<String> unset, boolean malformed) {}

    Expansion expand(String raw) {
        if (!raw.contains("${")) {
            return new Expansion(raw, List.of(), false);
        }
        List<String> unset = new ArrayList<>();
        Matcher m = VARIABLE.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(valueOf(m.group(1), m.group(2), unset)));
        }
        m.appendTail(out);
        boolean malformed = VARIABLE.matcher(raw).replaceAll("").contains("${");
        return new Expansion(out.toString(), List.copyOf(unset), malformed);
    }

    private String valueOf(String name, String fallback, List<String> unset) {
        String value = env.get(name);
        if (value != null && !(value.isEmpty() && fallback != null)) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        unset.add(name);
        return "";
    }
}
