package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import java.time.Clock;
import java.util.function.BiFunction;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/// What the synchronous OpenAI-family adapters (Gitee, A4F, OpenAI-compatible) share: the config check,
/// the HTTP flow and `generate`. Each adapter keeps its own pure request builder and error classifier, and
/// hands them in. Thread-safe; one instance serves a whole batch.
public abstract class OpenAiFamilyProvider implements ImageProvider {
    private final ProviderId id;
    private final ProviderConfig config;
    private final OpenAiImageFlow flow;
    private final BiFunction<ProviderConfig, ProviderCall, Request> requests;

    protected OpenAiFamilyProvider(ProviderId id, ProviderConfig config, OkHttpClient base, BodyLimits limits,
                                   Clock clock, BiFunction<ProviderConfig, ProviderCall, Request> requests,
                                   OpenAiImageFlow.ErrorClassifier classifier) {
        if (config.id() != id) {
            throw new IllegalArgumentException("not a " + id.wireName() + " config: " + config.id());
        }
        this.id = id;
        this.config = config;
        this.requests = requests;
        this.flow = new OpenAiImageFlow(new ProviderHttp(config, base, limits, clock), classifier);
    }

    @Override
    public final ProviderId id() {
        return id;
    }

    @Override
    public final Outcome generate(ProviderCall call) {
        return flow.run(requests.apply(config, call), call);
    }
}
