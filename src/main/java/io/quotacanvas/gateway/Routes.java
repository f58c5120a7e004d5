package io.quotacanvas.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The gateway's paths: which route a path is, what methods it takes and whether it needs a key. Pure.
enum Routes {
    GENERATIONS("/v1/images/generations", "POST", true),
    MODELS("/v1/models", "GET", true),
    MODEL("/v1/models/{id}", "GET", true),
    FILE("/v1/files/{id}.png", "GET", false),
    HEALTH("/health", "GET", false),
    METRICS("/metrics", "GET", true);

    private static final Pattern MODEL_PATH = Pattern.compile("/v1/models/([^/]+)");
    private static final Pattern FILE_PATH = Pattern.compile("/v1/files/([^/]+)\\.png");

    private final String template;
    private final String method;
    private final boolean keyed;

    Routes(String template, String method, boolean keyed) {
        this.template = template;
        this.method = method;
        this.keyed = keyed;
    }

    /// A matched path: the route and its `{id}` (or null).
    record Match(Routes route, String id) {}

    /// The route of `path` (a trailing slash ignored), or null.
    static Match match(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Routes r : values()) {
            if (r.template.equals(p)) {
                return new Match(r, null);
            }
        }
        Matcher model = MODEL_PATH.matcher(p);
        if (model.matches()) {
            return new Match(MODEL, model.group(1));
        }
        Matcher file = FILE_PATH.matcher(p);
        return file.matches() ? new Match(FILE, file.group(1)) : null;
    }

    String template() {
        return template;
    }

    String method() {
        return method;
    }

    boolean keyed() {
        return keyed;
    }
}
