package io.quotacanvas.provider.modelscope;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.GenerationSettings;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import io.quotacanvas.provider.openaiapi.OpenAiImages;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/// Pure builders of ModelScope's two requests (providers.md §3): the async submit
/// `POST {base}/images/generations` and the task poll `GET {base}/tasks/{task_id}`. No I/O.
public final class ModelScopeRequests {
    static final String ASYNC_HEADER = "X-ModelScope-Async-Mode";
    static final String TASK_TYPE_HEADER = "X-ModelScope-Task-Type";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private ModelScopeRequests() {}

    /// The submit request, signed with the call's token for the provider's own origin.
    public static Request submit(ProviderConfig config, ProviderCall call) {
        HttpUrl url = ProviderHttp.endpoint(config, "images/generations");
        Request.Builder builder = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header(ASYNC_HEADER, "true")
                .post(RequestBody.create(JSON.writeValueAsBytes(submitBody(config, call)), JSON_TYPE));
        return BearerAuth.sign(builder, ProviderHttp.baseUrl(config), url, call.token()).build();
    }

    /// `{model, prompt, size:"WxH", seed, steps, guidance?}`; `guidance` is left out when the model takes none.
    public static ObjectNode submitBody(ProviderConfig config, ProviderCall call) {
        GenerationSettings s = call.settings();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", call.providerModel());
        body.put("prompt", s.prompt());
        body.put("size", OpenAiImages.size(s, config).wxh());
        body.put("seed", s.seed());
        body.put("steps", s.steps());
        if (s.guidanceScale() != null) {
            body.put("guidance", s.guidanceScale());
        }
        return body;
    }

    /// The poll of task `taskId` (escaped as one path segment), signed with `token`.
    public static Request poll(ProviderConfig config, String taskId, Token token) {
        HttpUrl url = ProviderHttp.endpoint(config, "tasks").newBuilder().addPathSegment(taskId).build();
        Request.Builder builder = new Request.Builder().url(url).get()
                .header("Accept", "application/json")
                .header(TASK_TYPE_HEADER, "image_generation");
        return BearerAuth.sign(builder, ProviderHttp.baseUrl(config), url, token).build();
    }
}
