package io.quotacanvas.gateway;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;

/// CORS for browser clients, only for the origins `gateway.cors` lists (`*` for any); otherwise no CORS
/// header is ever sent, so browsers keep other sites' pages away from the API. Immutable.
final class Cors {
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, OpenAI-Organization, OpenAI-Project, "
            + "OpenAI-Beta, X-Stainless-Arch, X-Stainless-Lang, X-Stainless-OS, X-Stainless-Package-Version, "
            + "X-Stainless-Runtime, X-Stainless-Runtime-Version, X-Stainless-Retry-Count, X-Stainless-Timeout";

    private final List<String> origins;

    Cors(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    /// Adds the CORS headers when `origin` (the request's `Origin`, null when absent) is allowed.
    void apply(String origin, HttpFields.Mutable headers) {
        if (origin == null || origins.isEmpty()) {
            return;
        }
        boolean any = origins.contains("*");
        if (!any && !origins.contains(origin)) {
            return;
        }
        headers.put("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            headers.add("Vary", "Origin");
        }
        headers.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Expose-Headers", "x-request-id, Retry-After, openai-processing-ms");
        headers.put("Access-Control-Max-Age", "600");
    }
}
