package io.quotacanvas.token.probe;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ProviderHttp;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// The probe of each provider (providers.md §1a, §2–§5):
/// - Hugging Face: `GET {hub_url}/api/whoami-v2` on the Hub (`providers.huggingface.hub_url`);
/// - Gitee: `GET {base}/models`, or "no free probe" when Gitee doesn't answer it;
/// - ModelScope: no documented free probe, said plainly;
/// - A4F: `GET {base}/models`, then `GET {base}/usage` for the plan and limits;
/// - OpenAI-compatible: `GET {base}/models`.
///
/// Each probe has its own client derived from `base`, guarded so the token never leaves its provider's host.
public final class TokenProbes {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenProbes() {
    }

    /// Every provider's probe.
    public static Map<ProviderId, TokenProbe> create(AppConfig config, OkHttpClient base, Clock clock) {
        Map<ProviderId, TokenProbe> probes = new EnumMap<>(ProviderId.class);
        for (ProviderId id : ProviderId.values()) {
            probes.put(id, forProvider(config.provider(id), base, clock));
        }
        return probes;
    }

    /// The probe of one provider; Hugging Face's asks the Hub at the config's `hub_url`.
    public static TokenProbe forProvider(ProviderConfig pc, OkHttpClient base, Clock clock) {
        String name = pc.id().wireName();
        if (pc.id() == ProviderId.MODELSCOPE) {
            return TokenProbe.none(name);
        }
        if (pc.id() == ProviderId.HUGGINGFACE) {
            URI hub = pc.hubUrl();
            if (hub == null) {
                return token -> new ProbeResult(ProbeResult.Kind.NO_PROBE, name + " has no hub_url configured", 0);
            }
            return new HttpProbe(http(pc.withBaseUrl(hub), base, clock), name, "api/whoami-v2",
                    TokenProbes::whoami, false);
        }
        if (pc.baseUrl() == null) {
            String why = pc.setupProblem() != null ? pc.setupProblem() : "no base_url configured";
            return token -> new ProbeResult(ProbeResult.Kind.NO_PROBE, name + " has " + why, 0);
        }
        HttpProbe models = new HttpProbe(http(pc, base, clock), name, "models",
                body -> "token accepted by " + name + " (GET /models)", pc.id() == ProviderId.GITEE);
        return pc.id() == ProviderId.A4F ? new A4fProbe(models) : models;
    }

    private static ProviderHttp http(ProviderConfig pc, OkHttpClient base, Clock clock) {
        return new ProviderHttp(pc, base, BodyLimits.DEFAULT, clock);
    }

    private static String whoami(String body) {
        try {
            JsonNode name = JSON.readTree(body).path("name");
            return "token accepted by Hugging Face" + (name.isString() ? " (account " + name.asString() + ")" : "");
        } catch (JacksonException e) {
            return "token accepted by Hugging Face";
        }
    }
}
