package io.quotacanvas.provider.huggingface;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.config.ProviderOptions;
import io.quotacanvas.config.ProviderConfig.SpaceConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.HttpClients;
import io.quotacanvas.provider.ImageDecoding;
import io.quotacanvas.provider.ImageProvider;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import java.time.Clock;
import okhttp3.OkHttpClient;

/// Hugging Face: the Inference Providers router (`hf-inference`, needs a token) and public Gradio Spaces
/// (ZeroGPU; anonymous, or with the token in `x-hf-authorization` for the token's larger quota).
///
/// Path selection ([#route]): the anonymous pseudo-token always uses the model's public Space; a real
/// token uses the same Space unless option `token_route` is `router`, or the model has no Space.
/// Options: `token_route` = `spaces` (default) | `router`; anything else counts as `spaces`.
/// Thread-safe; one instance serves a whole batch (Space schemas are cached across its calls).
public final class HuggingFaceProvider implements ImageProvider {

    /// Where one call goes.
    public sealed interface Route {
        record Router() implements Route {}

        record Space(SpaceConfig space) implements Route {}

        record Unroutable(Outcome.Failure failure) implements Route {}
    }

    private final ProviderConfig config;
    private final ProviderHttp http;
    private final GradioClient gradio;

    public HuggingFaceProvider(ProviderConfig config, OkHttpClient base) {
        this(config, base, BodyLimits.DEFAULT, Clock.systemUTC());
    }

    /// For tests and tuning: explicit body limits and clock.
    public HuggingFaceProvider(ProviderConfig config, OkHttpClient base, BodyLimits limits, Clock clock) {
        if (config.id() != ProviderId.HUGGINGFACE) {
            throw new IllegalArgumentException("not a huggingface config: " + config.id());
        }
        this.config = config;
        // every client of this adapter strips x-hf-authorization on hops that leave the signed Space
        OkHttpClient guarded = base.newBuilder().addNetworkInterceptor(new SpaceAuth()).build();
        this.http = new ProviderHttp(config, guarded, limits, clock);
        OkHttpClient streaming = HttpClients.forProvider(guarded, config);
        this.gradio = new GradioClient(http, new GradioStream(streaming,
                config.timeouts() == null ? null : config.timeouts().overall(), limits.jsonBytes(), clock));
    }

    @Override
    public ProviderId id() {
        return ProviderId.HUGGINGFACE;
    }

    @Override
    public Outcome generate(ProviderCall call) {
        Outcome outcome = switch (route(config, call)) {
            case Route.Unroutable u -> u.failure();
            case Route.Router r -> router(call);
            case Route.Space s -> gradio.generate(s.space(), call);
        };
        return outcome instanceof Outcome.Failure f ? BearerAuth.redact(f, call.token()) : outcome;
    }

    /// Which path `call` takes. Pure: no I/O.
    public static Route route(ProviderConfig config, ProviderCall call) {
        SpaceConfig space = config.spaces().get(call.canonicalModel());
        boolean hasSpace = space != null && space.url() != null;
        if (call.token().isAnonymous()) {
            return hasSpace ? new Route.Space(space) : new Route.Unroutable(new Outcome.ModelUnavailable(0,
                    "no public Space configured for " + call.canonicalModel()));
        }
        boolean hasRouterId = call.providerModel() != null && !call.providerModel().isBlank();
        boolean prefersRouter = config.options() instanceof ProviderOptions.HuggingFace o
                && o.tokenRoute() == ProviderOptions.TokenRoute.ROUTER;
        if (hasRouterId && (prefersRouter || !hasSpace)) {
            return new Route.Router();
        }
        return hasSpace ? new Route.Space(space) : new Route.Unroutable(new Outcome.ModelUnavailable(0,
                "no Space and no router model id configured for " + call.canonicalModel()));
    }

    private Outcome router(ProviderCall call) {
        return switch (http.execute(RouterRequests.build(config, call), call.scope(), call.deadline(),
                http.limits().imageBytes())) {
            case Exchange.Failed failed -> failed.failure();
            case Exchange.Reply r when !r.isSuccessful() ->
                    RouterRequests.classify(r.status(), r.headers(), r.text(), http.clock().instant());
            case Exchange.Reply r -> ImageDecoding.decode(r.body(), r.contentType(), null, r.status());
        };
    }

}
