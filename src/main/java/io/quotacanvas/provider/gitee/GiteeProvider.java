package io.quotacanvas.provider.gitee;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.ImageSize;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.openaiapi.OpenAiFailures;
import io.quotacanvas.provider.openaiapi.OpenAiFamilyProvider;
import io.quotacanvas.provider.openaiapi.OpenAiImages;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.node.ObjectNode;

/// Gitee AI (模力方舟) synchronous text-to-image: `POST {base}/images/generations` with width/height,
/// steps, guidance and seed, answered with a temporary result URL that is downloaded at once.
///
/// Options: `failover` = `true` sends `X-Failover-Enabled: true` (lets the platform use another compute
/// pool).
public final class GiteeProvider extends OpenAiFamilyProvider {
    /// A 403 is about this token and this model: the token has no resource package for it, but may for others.
    private static final OpenAiFailures.Dialect DIALECT = new OpenAiFailures.Dialect(
            "the token is not bound to a resource package that covers this model", true);

    public GiteeProvider(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    /// For tests and tuning: explicit body limits and clock.
    public GiteeProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        super(ProviderId.GITEE, config, base, limits, clock, GiteeProvider::buildRequest, GiteeProvider::classifyError);
    }

    /// The exact HTTP request for `call`. Pure: no I/O.
    public static Request buildRequest(ProviderConfig config, ProviderCall call) {
        Request.Builder builder = OpenAiImages.post(config, requestBody(config, call), call.token());
        if (config.options() instanceof ProviderOptions.Gitee g && g.failover()) {
            builder.header("X-Failover-Enabled", "true");
        }
        return builder.build();
    }

    /// `{model, prompt, width, height, num_inference_steps, guidance_scale?, seed, response_format:"url"}`:
    /// what the seed skill and Peinture send (no `n`; `guidance_scale` only when the settings carry one).
    public static ObjectNode requestBody(ProviderConfig config, ProviderCall call) {
        GenerationSettings s = call.settings();
        ImageSize size = OpenAiImages.size(s, config);
        ObjectNode body = OpenAiImages.baseBody(call.providerModel(), s.prompt());
        body.remove("n");
        body.put("width", size.width());
        body.put("height", size.height());
        body.put("num_inference_steps", s.steps());
        if (Objects.nonNull(s.guidanceScale())) {
            body.put("guidance_scale", s.guidanceScale());
        }
        body.put("seed", s.seed());
        body.put("response_format", "url");
        return body;
    }

    /// Classifies a non-2xx answer. Gitee words errors as `{"message":…}`, `{"error":{"message":…}}` or
    /// `{"error":"<code>","message":…}`; a 403 means the token has no package for this model (token × model).
    public static Outcome.Failure classifyError(int status, Headers headers, String body, Instant now) {
        return OpenAiFailures.classify(status, headers, body, now, DIALECT);
    }
}
