package io.quotacanvas.provider.openai;

import io.quotacanvas.provider.openaiapi.OpenAiFailures;
import io.quotacanvas.provider.openaiapi.OpenAiFamilyProvider;
import io.quotacanvas.provider.openaiapi.OpenAiImages;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ProviderCall;
import java.time.Clock;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.node.ObjectNode;

/// Any OpenAI Images-compatible endpoint (OpenAI itself, SiliconFlow, self-hosted servers).
///
/// Options: `response_format` (`b64_json` by default, or `url`); `send_seed` = `true` adds `seed`, which
/// OpenAI itself rejects but many compatible servers honour. Either answer form is accepted.
public final class OpenAiCompatibleProvider extends OpenAiFamilyProvider {
    private static final OpenAiFailures.Dialect DIALECT = new OpenAiFailures.Dialect(
            "the key lacks permission for this model, or the provider does not serve this region");

    public OpenAiCompatibleProvider(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    /// For tests and tuning: explicit body limits and clock.
    public OpenAiCompatibleProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        super(ProviderId.OPENAI_COMPATIBLE, config, base, limits, clock, OpenAiCompatibleProvider::buildRequest, OpenAiCompatibleProvider::classifyError);
    }

    /// The exact HTTP request for `call`. Pure: no I/O.
    public static Request buildRequest(ProviderConfig config, ProviderCall call) {
        return OpenAiImages.post(config, requestBody(config, call), call.token()).build();
    }

    /// `{model, prompt, n:1, size, response_format}` plus `seed` when option `send_seed` is true.
    public static ObjectNode requestBody(ProviderConfig config, ProviderCall call) {
        ObjectNode body = OpenAiImages.baseBody(call.providerModel(), call.settings().prompt());
        body.put("size", OpenAiImages.size(call.settings(), config).wxh());
        body.put("response_format", OpenAiImages.option(config, "response_format", "b64_json"));
        if (OpenAiImages.flag(config, "send_seed")) {
            body.put("seed", call.settings().seed());
        }
        return body;
    }

    /// Classifies a non-2xx answer per the OpenAI error contract (`code` tells 429 quota from rate limit).
    public static Outcome.Failure classifyError(int status, Headers headers, String body, Instant now) {
        return OpenAiFailures.classify(status, headers, body, now, DIALECT);
    }
}
