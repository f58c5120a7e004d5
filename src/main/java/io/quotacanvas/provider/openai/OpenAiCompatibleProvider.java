package io.quotacanvas.provider.openai;

import io.quotacanvas.provider.openaiapi.ErrorBody;
import io.quotacanvas.provider.openaiapi.OpenAiFailures;
import io.quotacanvas.provider.openaiapi.OpenAiFamilyProvider;
import io.quotacanvas.provider.openaiapi.OpenAiImages;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ProviderCall;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import tools.jackson.databind.node.ObjectNode;

/// Any OpenAI Images-compatible endpoint (OpenAI itself, SiliconFlow, self-hosted servers).
///
/// There is no default host: the provider is unusable until `base_url` is given (see
/// [ProviderConfig#setupProblem()]).
///
/// Options: `response_format` (`b64_json` by default, `url`, or `omit` to send none: OpenAI's gpt-image
/// models reject the field); `send_seed` = `true` adds `seed`, which OpenAI itself rejects but many
/// compatible servers honour. Either answer form is accepted.
public final class OpenAiCompatibleProvider extends OpenAiFamilyProvider {
    private static final Pattern RESPONSE_FORMAT = Pattern.compile("response_format");
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

    /// `{model, prompt, n:1, size, response_format}` (no `response_format` when the option is `omit`) plus
    /// `seed` when option `send_seed` is true.
    public static ObjectNode requestBody(ProviderConfig config, ProviderCall call) {
        ObjectNode body = OpenAiImages.baseBody(call.providerModel(), call.settings().prompt());
        body.put("size", OpenAiImages.size(call.settings(), config).wxh());
        ProviderOptions.OpenAiCompatible options = options(config);
        if (options.responseFormat() != ProviderOptions.ResponseFormat.OMIT) {
            body.put("response_format", options.responseFormat().wireName());
        }
        if (options.sendSeed()) {
            body.put("seed", call.settings().seed());
        }
        return body;
    }

    /// Classifies a non-2xx answer per the OpenAI error contract (`code` tells 429 quota from rate limit). A
    /// 400 naming `response_format` (OpenAI's gpt-image models: "Unknown parameter: 'response_format'") means
    /// this model can't be called with our body: `model_unavailable`, with the option that fixes it.
    public static Outcome.Failure classifyError(int status, Headers headers, String body, Instant now) {
        ErrorBody e = ErrorBody.parse(body);
        if (status == 400 && namesResponseFormat(e)) return new Outcome.ModelUnavailable(status,
                "the model rejects the response_format field (HTTP 400): " + e.quoted() + "; set"
                        + " providers.openai_compatible.options.response_format: omit");
        return OpenAiFailures.classify(status, headers, body, now, DIALECT);
    }

    private static ProviderOptions.OpenAiCompatible options(ProviderConfig config) {
        return config.options() instanceof ProviderOptions.OpenAiCompatible o ? o
                : (ProviderOptions.OpenAiCompatible) ProviderOptions.defaults(ProviderId.OPENAI_COMPATIBLE);
    }

    private static boolean namesResponseFormat(ErrorBody e) {
        return "response_format".equals(e.param()) || e.says(RESPONSE_FORMAT);
    }
}
