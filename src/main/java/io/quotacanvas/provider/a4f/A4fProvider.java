package io.quotacanvas.provider.a4f;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.openaiapi.OpenAiFailures;
import io.quotacanvas.provider.openaiapi.OpenAiFamilyProvider;
import io.quotacanvas.provider.openaiapi.OpenAiImages;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.node.ObjectNode;

/// A4F (`api.a4f.co/v1`), an OpenAI-compatible gateway to many upstream image models
/// (`provider-N/<model>` ids). Sends only `{model, prompt, n, size, response_format:"url"}`: A4F ignores
/// steps, guidance and seed.
public final class A4fProvider extends OpenAiFamilyProvider {
    private static final OpenAiFailures.Dialect DIALECT = new OpenAiFailures.Dialect(
            "the key is not allowed to use this model or plan");

    public A4fProvider(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    /// For tests and tuning: explicit body limits and clock.
    public A4fProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        super(ProviderId.A4F, config, base, limits, clock, A4fProvider::buildRequest, A4fProvider::classifyError);
    }

    /// The exact HTTP request for `call`. Pure: no I/O.
    public static Request buildRequest(ProviderConfig config, ProviderCall call) {
        return OpenAiImages.post(config, requestBody(config, call), call.token()).build();
    }

    /// `{model, prompt, n:1, size:"WxH", response_format:"url"}`.
    public static ObjectNode requestBody(ProviderConfig config, ProviderCall call) {
        ObjectNode body = OpenAiImages.baseBody(call.providerModel(), call.settings().prompt());
        body.put("size", OpenAiImages.size(call.settings(), config).wxh());
        body.put("response_format", "url");
        return body;
    }

    /// Classifies a non-2xx answer: OpenAI-style bodies; upstream errors are proxied with their status.
    public static Outcome.Failure classifyError(int status, Headers headers, String body, Instant now) {
        return OpenAiFailures.classify(status, headers, body, now, DIALECT);
    }
}
