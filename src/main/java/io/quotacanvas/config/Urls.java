package io.quotacanvas.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/// Checks the config's endpoint URLs.
final class Urls {
    private Urls() {
    }

    /// `text` as an absolute `http`/`https` URI with a host, or null.
    static URI absoluteHttp(String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && !uri.getHost().isBlank() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
