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
/// - Hugging Face: `GET {hub}/api/whoami-v2` on the Hub (`https://huggingface.co` unless given);
/// - Gitee: `GET {base}/models`, or "no free probe" when Gitee doesn't answer it;
/// - ModelScope: no documented free probe, said plainly;
/// - A4F: `GET {base}/models`, then `GET {base}/usage` for the plan and limits;
/// - OpenAI-compatible: `GET {base}/models`.
///
/// Each probe has its own client derived from `base`, guarded so the token never leaves its provider's host.
public final class TokenProbes {
    public static final URI HUGGINGFACE_HUB = URI.create("https://huggingface.co");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenProbes() {
    }

    /// Every provider's probe, with the Hub at `huggingFaceHub`.
    public static Map<ProviderId, TokenProbe> create(AppConfig config, OkHttpClient base, Clock clock,
                                                     URI huggingFaceHub) {
        Map<ProviderId, TokenProbe> probes = new EnumMap<>(ProviderId.class);
        for (ProviderId id : ProviderId.values()) {
            probes.put(id, forProvider(config.provider(id), base, clock, huggingFaceHub));
        }
        return probes;
    }

    /// The probe of one provider.
    public static TokenProbe forProvider(ProviderConfig pc, OkHttpClient base, Clock clock, URI huggingFaceHub) {
        String name = pc.id().wireName();
        if (pc.id() == ProviderId.MODELSCOPE) {
            return TokenProbe.none(name);
        }
        if (pc.id() == ProviderId.HUGGINGFACE) {
            return new HttpProbe(http(withBaseUrl(pc, huggingFaceHub), base, clock), name, "api/whoami-v2",
                    TokenProbes::whoami, false);
        }
        if (pc.baseUrl() == null) {
            return token -> new ProbeResult(ProbeResult.Kind.NO_PROBE, name + " has no base_url configured", 0);
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

    private static ProviderConfig withBaseUrl(ProviderConfig pc, URI url) {
        return new ProviderConfig(pc.id(), pc.enabled(), url, pc.tokens(), pc.models(), pc.defaultModel(),
                pc.textModel(), pc.timeouts(), pc.quotaReset(), pc.rateLimitCooldown(), pc.hdScale(), pc.options(),
                pc.publicFallback(), pc.spaces());
    }
}
