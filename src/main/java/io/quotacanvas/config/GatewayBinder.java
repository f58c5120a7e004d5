package io.quotacanvas.config;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/// Binds `gateway:` to a [GatewayConfig]: keys from the file and `QUOTA_CANVAS_GATEWAY_KEYS` (an entry that
/// expands to nothing is dropped, as tokens are), limits, CORS origins and model aliases, whose targets must
/// be models some provider offers. Never quotes a key in a problem. Not thread-safe.
final class GatewayBinder {
    private static final List<String> KEYS = List.of("host", "port", "api_keys", "max_queue", "max_body", "file_ttl",
            "image_timeout", "shutdown_grace", "public_url", "cors", "model_aliases");

    private final Map<String, String> env;

    GatewayBinder(Map<String, String> env) {
        this.env = env;
    }

    GatewayConfig bind(Section s, Map<ProviderId, ProviderConfig> providers) {
        s.allowOnly(KEYS);
        int port = s.intAtLeast("port", 0);
        if (port > 65_535) {
            s.problems().add(s.path("port"), "must be a port from 0 to 65535; got " + port);
        }
        return new GatewayConfig(s.text("host"), port, keys(s), s.intAtLeast("max_queue", 1),
                s.byteSize("max_body", 1024, 64L << 20), s.positiveDuration("file_ttl"),
                s.positiveDuration("image_timeout"), s.positiveDuration("shutdown_grace"), publicUrl(s), cors(s),
                aliases(s, providers));
    }

    private List<Secret> keys(Section s) {
        List<Secret> keys = new ArrayList<>();
        JsonNode list = s.raw("api_keys");
        if (list != null && !list.isNull() && !list.isArray()) {
            s.problems().add(s.path("api_keys"), "must be a list of strings like [\"${MY_GATEWAY_KEY}\"]; got "
                    + Section.kind(list));
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                key(s, list.get(i), YamlDocument.item(s.path("api_keys"), i), keys);
            }
        }
        String fromEnv = env.get(GatewayConfig.KEYS_VARIABLE);
        if (fromEnv != null) {
            for (String item : fromEnv.split("[,\\r\\n]")) {
                if (!item.isBlank() && tooShort(item.strip())) {
                    s.problems().addUnlocated(s.path("api_keys"), GatewayConfig.KEYS_VARIABLE + " holds a key shorter "
                            + "than " + GatewayConfig.MIN_KEY_LENGTH + " characters; use quota-canvas gateway keys add");
                } else if (!item.isBlank()) {
                    keys.add(new Secret(item));
                }
            }
        }
        Set<Secret> seen = new HashSet<>();
        return keys.stream().filter(seen::add).toList();
    }

    private static void key(Section s, JsonNode item, String at, List<Secret> keys) {
        if (!item.isString()) {
            s.problems().add(at, "must be a string (a key); got " + Section.kind(item));
            return;
        }
        EnvExpander.Expansion e = s.env().expand(item.stringValue());
        if (e.malformed()) {
            s.problems().add(at, "has a '${' without a closing '}'; write ${NAME} or ${NAME:-fallback}");
        } else if (!e.value().isBlank() && !e.unset().isEmpty()) {
            s.problems().add(at, "environment variable " + String.join(", ", e.unset())
                    + " is not set, so only part of this key is known; set it or remove the entry");
        } else if (!e.value().isBlank() && tooShort(e.value().strip())) {
            s.problems().add(at, "is shorter than " + GatewayConfig.MIN_KEY_LENGTH + " characters; a key needs no "
                    + "typing, so use a long random one (quota-canvas gateway keys add makes one)");
        } else if (!e.value().isBlank()) {
            keys.add(new Secret(e.value()));
        }
    }

    private static boolean tooShort(String key) {
        return key.length() < GatewayConfig.MIN_KEY_LENGTH;
    }

    private static URI publicUrl(Section s) {
        String text = s.optionalText("public_url");
        if (text == null) {
            return null;
        }
        URI uri = Urls.absoluteHttp(text);
        if (uri == null) {
            s.problems().add(s.path("public_url"), "must be an absolute http(s) URL such as "
                    + "https://images.example.com; got '" + text + "'");
        }
        return uri;
    }

    private static List<String> cors(Section s) {
        List<String> origins = new ArrayList<>();
        List<String> listed = s.textList("cors");
        for (int i = 0; i < listed.size(); i++) {
            String origin = listed.get(i).strip();
            URI uri = origin.equals("*") ? null : Urls.absoluteHttp(origin);
            boolean bare = uri != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null;
            if (!origin.equals("*") && !bare) {
                s.problems().add(YamlDocument.item(s.path("cors"), i), "must be \"*\" or an origin such as "
                        + "http://localhost:3000 (scheme, host and port, no path); got '" + origin + "'");
            } else {
                origins.add(origin);
            }
        }
        return List.copyOf(origins);
    }

    private static Map<String, String> aliases(Section s, Map<ProviderId, ProviderConfig> providers) {
        Map<String, String> aliases = new LinkedHashMap<>();
        Collection<String> known = providers.values().stream().flatMap(p -> p.models().keySet().stream())
                .distinct().toList();
        s.scalarMap("model_aliases", false).forEach((alias, target) -> {
            if (!known.contains(target)) {
                s.problems().add(YamlDocument.child(s.path("model_aliases"), alias), "no provider offers '" + target
                        + "'; alias it to one of: " + String.join(", ", known));
            } else {
                aliases.put(alias, target);
            }
        });
        return Map.copyOf(aliases);
    }
}
