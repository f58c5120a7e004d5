package io.quotacanvas.mcp;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/// A tool call's arguments, read with checks whose messages name the argument and the bad value, so an
/// agent can correct its call without guessing. Absent and JSON `null` are the same.
final class Args {
    private final Map<String, Object> raw;

    /// @throws ToolError when an argument isn't one of `known`
    Args(Map<String, Object> raw, List<String> known) throws ToolError {
        this.raw = raw == null ? Map.of() : raw;
        for (String name : this.raw.keySet()) {
            if (!known.contains(name)) {
                throw ToolError.usage("Unknown argument '" + name + "'; this tool takes " + String.join(", ",
                        known) + ".");
            }
        }
    }

    /// The names given (for messages and tests).
    TreeSet<String> names() {
        return new TreeSet<>(raw.keySet());
    }

    String string(String name) throws ToolError {
        Object v = raw.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw bad(name, v, "must be a string");
    }

    String requiredString(String name) throws ToolError {
        String v = string(name);
        if (v == null || v.isBlank()) {
            throw ToolError.usage("Missing argument '" + name + "'" + (v == null ? "." : ": it is empty."));
        }
        return v;
    }

    Boolean bool(String name) throws ToolError {
        Object v = raw.get(name);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw bad(name, v, "must be true or false");
    }

    /// A whole number from `min` to `max`, or null when absent.
    Long whole(String name, long min, long max) throws ToolError {
        Object v = raw.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.longValue();
        }
        throw bad(name, v, "must be a whole number from " + min + " to " + max);
    }

    /// A number from `min` to `max`, or null when absent.
    Double number(String name, double min, double max) throws ToolError {
        Object v = raw.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw bad(name, v, "must be a number from " + trim(min) + " to " + trim(max));
    }

    static ToolError bad(String name, Object value, String rule) {
        String shown = value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        return ToolError.usage("Invalid argument '" + name + "': " + shown + " (" + rule + ").");
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
