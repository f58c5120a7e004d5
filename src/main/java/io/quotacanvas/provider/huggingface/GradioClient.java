package io.quotacanvas.provider.huggingface;

import io.quotacanvas.config.ProviderConfig.SpaceConfig;
import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.ImageDecoding;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import io.quotacanvas.provider.huggingface.SpaceFailures.Stage;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/// Calls a public Gradio Space over its HTTP API (`/call/{api_name}` flow): discover the API prefix and
/// the endpoint's inputs (`/config`, `{prefix}/info`, cached per Space), bind our request by parameter
/// name, `POST {prefix}/call/{api}` → `event_id`, read the SSE result stream, download the image FileData.
///
/// Thread-safe; one instance serves all calls of one adapter.
final class GradioClient {
    /// How long a Space's schema is trusted before it is fetched again.
    static final Duration SCHEMA_TTL = Duration.ofMinutes(10);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final ProviderHttp http;
    private final GradioStream stream;
    private final SpaceSchemas schemas;

    GradioClient(ProviderHttp http, GradioStream stream) {
        this.http = http;
        this.stream = stream;
        this.schemas = new SpaceSchemas(SCHEMA_TTL, http.clock());
    }

    /// One image from `space` for `call`; never throws for I/O or Space misbehaviour.
    Outcome generate(SpaceConfig space, ProviderCall call) {
        HttpUrl host = HttpUrl.get(space.url().toString());
        return run(new Target(host, apiName(space.apiName()), space), call, true);
    }

    private record Target(HttpUrl host, String apiName, SpaceConfig config) {
        String key() {
            return root(host) + apiName;
        }

        HttpUrl url(String path) {
            return HttpUrl.get(root(host) + path);
        }
    }

    private Outcome run(Target t, ProviderCall call, boolean mayRefetch) {
        Step<SpaceSchemas.Lookup> looked = schemas.get(t.key(), call.deadline(), () -> discover(t, call));
        if (looked instanceof Step.Failed<SpaceSchemas.Lookup> f) {
            return f.failure();
        }
        SpaceSchemas.Lookup lookup = ((Step.Ok<SpaceSchemas.Lookup>) looked).value();
        SpaceSchema schema = lookup.schema();
        Step<ArrayNode> data = SpaceBinder.bind(schema, t.config().parameters(), call.settings(), call.canonicalModel());
        if (data instanceof Step.Failed<ArrayNode> f) {
            return f.failure();
        }
        Step<String> eventId = submit(t, schema, ((Step.Ok<ArrayNode>) data).value(), call);
        if (eventId instanceof Step.Failed<String>(Outcome.Failure failure)) {
            // a cached schema may be stale: the Space was redeployed with renamed inputs or endpoints
            if (mayRefetch && !lookup.fresh() && failure instanceof Outcome.ModelUnavailable) {
                schemas.invalidate(t.key(), schema);
                return run(t, call, false);
            }
            return failure;
        }
        String id = ((Step.Ok<String>) eventId).value();
        Request result = signed(t, t.url(schema.apiPrefix() + "/call/" + bare(t.apiName()) + "/" + id), call)
                .get().header("Accept", "text/event-stream").build();
        return switch (stream.read(result, call, call.token().isAnonymous())) {
            case Step.Failed<JsonNode>(Outcome.Failure failure) -> failure;
            case Step.Ok<JsonNode>(JsonNode outputs) -> download(t, schema, outputs, call);
        };
    }

    /// `GET /config` for the API prefix, then `GET {prefix}/info` for the endpoint's inputs.
    private Step<SpaceSchema> discover(Target t, ProviderCall call) {
        Step<JsonNode> config = getJson(t, Stage.CONFIG, t.url("/config"), call);
        if (config instanceof Step.Failed<JsonNode> f) {
            return Step.failed(f.failure());
        }
        String prefix = SpaceSchema.apiPrefix(((Step.Ok<JsonNode>) config).value());
        Step<JsonNode> info = getJson(t, Stage.INFO, t.url(prefix + "/info"), call);
        if (info instanceof Step.Failed<JsonNode> f) {
            return Step.failed(f.failure());
        }
        JsonNode infoJson = ((Step.Ok<JsonNode>) info).value();
        SpaceSchema schema = SpaceSchema.fromInfo(prefix, t.apiName(), infoJson);
        // inputs the Space's function gives no default get the value its page shows, as a browser would send
        schema = schema == null ? null : schema.withPageValues(((Step.Ok<JsonNode>) config).value());
        if (schema == null) {
            return Step.failed(new Outcome.ModelUnavailable(200, "the Space has no endpoint " + t.apiName()
                    + " (it has " + SpaceSchema.endpointNames(infoJson) + "); set spaces." + call.canonicalModel()
                    + ".api_name"));
        }
        return Step.ok(schema);
    }

    private Step<JsonNode> getJson(Target t, Stage stage, HttpUrl url, ProviderCall call) {
        Request request = signed(t, url, call).get().header("Accept", "application/json").build();
        return json(t, stage, http.fetchJson(request, call), call);
    }

    /// `POST {prefix}/call/{api}` with the positional `data` → the `event_id`.
    private Step<String> submit(Target t, SpaceSchema schema, ArrayNode data, ProviderCall call) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("data", data);
        Request request = signed(t, t.url(schema.apiPrefix() + "/call/" + bare(t.apiName())), call)
                .post(RequestBody.create(body.toString(), JSON)).build();
        Step<JsonNode> answer = json(t, Stage.CALL, http.fetchJson(request, call), call);
        if (answer instanceof Step.Failed<JsonNode> f) {
            return Step.failed(f.failure());
        }
        String id = Json.text(((Step.Ok<JsonNode>) answer).value().get("event_id"));
        return id == null || id.isBlank()
                ? Step.failed(new Outcome.BadResponse(200, "the Space accepted the call but sent no event_id"))
                : Step.ok(id);
    }

    private Step<JsonNode> json(Target t, Stage stage, Exchange exchange, ProviderCall call) {
        if (!(exchange instanceof Exchange.Reply reply)) {
            return Step.failed(((Exchange.Failed) exchange).failure());
        }
        JsonNode json = reply.isSuccessful() ? Json.parseOrNull(reply.text()) : null;
        if (json == null || !json.isObject()) {
            return Step.failed(SpaceFailures.classify(stage, reply.status(), reply.headers(), reply.text(),
                    call.token().isAnonymous(), http.clock().instant()));
        }
        return Step.ok(json);
    }

    /// Downloads the image FileData of the outputs; the token goes along only to the Space's own host.
    private Outcome download(Target t, SpaceSchema schema, JsonNode outputs, ProviderCall call) {
        // a refused prompt answered with a stand-in picture: nothing worth downloading or storing
        if (GradioOutputs.isSafetyPlaceholder(outputs)) {
            return new Outcome.ContentRejected(200, "the Space's safety filter refused the prompt: it answered"
                    + " with its placeholder picture (nsfw.png) instead of an image");
        }
        HttpUrl url = GradioOutputs.imageUrl(outputs, t.host(), schema.apiPrefix());
        if (url == null) {
            return new Outcome.BadResponse(200, "the Space completed without an image file in its outputs");
        }
        Request request = signed(t, url, call).get().header("Accept", "image/*").build();
        return switch (http.execute(request, call.scope(), call.deadline(), http.limits().imageBytes())) {
            case Exchange.Failed failed -> failed.failure();
            case Exchange.Reply r when r.status() >= 500 -> new Outcome.ProviderError(r.status(),
                    "image download from the Space failed (HTTP " + r.status() + ")");
            case Exchange.Reply r when !r.isSuccessful() -> new Outcome.BadResponse(r.status(),
                    "the Space's image file answered HTTP " + r.status());
            case Exchange.Reply r -> ImageDecoding.decode(r.body(), r.contentType(), url.toString(), 200);
        };
    }

    private static Request.Builder signed(Target t, HttpUrl url, ProviderCall call) {
        return SpaceAuth.sign(new Request.Builder().url(url), t.host(), url, call.token());
    }

    static String apiName(String configured) {
        String name = configured == null || configured.isBlank() ? "/predict" : configured.strip();
        return name.startsWith("/") ? name : "/" + name;
    }

    private static String bare(String apiName) {
        return apiName.substring(1);
    }

    private static String root(HttpUrl host) {
        String s = host.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
