package io.quotacanvas.token.probe;

import io.quotacanvas.core.Token;
import io.quotacanvas.provider.Exchange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// A4F (providers.md §4): `GET /models`, then `GET /usage`, which needs a valid key and tells the plan and
/// rate limits. The model list may be public, so a 401/403 from `/usage` still marks the key invalid.
final class A4fProbe implements TokenProbe {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpProbe models;

    A4fProbe(HttpProbe models) {
        this.models = models;
    }

    @Override
    public ProbeResult probe(Token token) {
        ProbeResult first = models.probe(token);
        if (!first.passed()) {
            return first;
        }
        return switch (models.get("usage", token)) {
            case Exchange.Reply r when r.status() == 401 || r.status() == 403 -> new ProbeResult(
                    ProbeResult.Kind.INVALID, "a4f token rejected by GET /usage (HTTP " + r.status() + ")", r.status());
            case Exchange.Reply r when r.isSuccessful() -> new ProbeResult(ProbeResult.Kind.OK,
                    first.message() + usage(r.text()), first.httpStatus());
            default -> first;
        };
    }

    /// `; plan free, rpm 10, rpd 100` from the usage body, or "" when it says nothing recognisable.
    static String usage(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        JsonNode plan = root.path("account_information").path("plan");
        if (plan.isString()) {
            parts.add("plan " + plan.asString());
        }
        JsonNode limits = root.path("rate_limits_and_restrictions");
        if (!limits.isObject()) {
            limits = root.path("rate_limits");
        }
        for (Map.Entry<String, JsonNode> e : limits.properties()) {
            if (e.getValue().isNumber() && parts.size() < 5) {
                parts.add(e.getKey() + " " + e.getValue().asString());
            }
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }
}
