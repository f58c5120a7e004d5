package io.quotacanvas.provider.modelscope;

import io.quotacanvas.provider.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/// A loopback ModelScope API-Inference (providers.md §3): async `POST /v1/images/generations` answered with
/// a task id, `GET /v1/tasks/{id}` moving the task through scripted statuses (PENDING → RUNNING → SUCCEED
/// by default), and result images on a second server (another origin, like ModelScope's file host).
///
/// It counts down daily request figures per token (account) and per token × model, sends them as
/// `modelscope-ratelimit-*` headers on every answer, and answers 429 "Request limit exceeded." once a count
/// is zero. Thread-safe: the state is guarded by the instance's lock.
public final class FakeModelScopeServer implements AutoCloseable {
    public static final int ACCOUNT_LIMIT = 2000;
    public static final int MODEL_LIMIT = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIMIT_BODY = "{\"errors\":{\"message\":\"Request limit exceeded.\","
            + "\"request_id\":\"req-limit\"}}";

    private final MockWebServer api = new MockWebServer();
    private final MockWebServer files = new MockWebServer();
    private final byte[] png = TestImages.png(64, 48);
    private final List<RecordedRequest> apiRequests = Collections.synchronizedList(new ArrayList<>());
    private final List<RecordedRequest> fileRequests = Collections.synchronizedList(new ArrayList<>());

    private final Map<String, int[]> account = new HashMap<>();
    private final Map<String, int[]> perModel = new HashMap<>();
    private final Map<String, Task> tasks = new HashMap<>();
    private final Deque<MockResponse> submitReplies = new ArrayDeque<>();
    private final Map<String, String> busy = new HashMap<>();
    private final Map<String, String> tokenFailures = new HashMap<>();
    private List<String> statuses = List.of("PENDING", "RUNNING", "SUCCEED");
    private String failureJson = "{\"errors\":{\"message\":\"inference failed\"}}";
    private String successJson;
    private String notFoundOnce;
    private Runnable notFoundAlways;
    private MockResponse imageReply;
    private boolean headers = true;

    private record Task(String id, String token, String model, int[] polls) {}

    public FakeModelScopeServer() {
        api.setDispatcher(dispatcher(apiRequests, this::answerApi));
        files.setDispatcher(dispatcher(fileRequests, r -> imageReply != null ? imageReply
                : new MockResponse.Builder().addHeader("Content-Type", "image/png").body(new Buffer().write(png))
                .build()));
        try {
            api.start();
            files.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Answer {
        MockResponse answer(RecordedRequest request);
    }

    private Dispatcher dispatcher(List<RecordedRequest> log, Answer answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                log.add(request);
                synchronized (FakeModelScopeServer.this) {
                    return answer.answer(request);
                }
            }
        };
    }

    /// `http://127.0.0.1:<port>/v1`, the value for `base_url`.
    public String baseUrl() {
        String u = api.url("/v1").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    // ---- scripting ---------------------------------------------------------------------------------

    /// Sets `token`'s account figures (remaining of limit) for today.
    public synchronized FakeModelScopeServer account(String token, int remaining, int limit) {
        account.put(token, new int[] {remaining, limit});
        return this;
    }

    /// Sets `token` × `model`'s figures (remaining of limit) for today.
    public synchronized FakeModelScopeServer model(String token, String model, int remaining, int limit) {
        perModel.put(token + "\n" + model, new int[] {remaining, limit});
        return this;
    }

    /// The statuses successive polls of every task report; the last one repeats.
    public synchronized FakeModelScopeServer statuses(String... statuses) {
        this.statuses = List.of(statuses);
        return this;
    }

    /// Tasks end FAILED with this JSON merged into the task answer (e.g. `{"errors":{"message":…}}`).
    public synchronized FakeModelScopeServer failWith(String json) {
        this.failureJson = json;
        return statuses("PENDING", "FAILED");
    }

    /// Tasks submitted with `token` end FAILED with this JSON merged into the task answer; others go on as set.
    public synchronized FakeModelScopeServer failTasksOf(String token, String json) {
        tokenFailures.put(token, json);
        return this;
    }

    /// Tasks end SUCCEED with this JSON in place of `output_images` (e.g. `{}` for a success without image).
    public synchronized FakeModelScopeServer succeedWith(String json) {
        this.successJson = json;
        return statuses("RUNNING", "SUCCEED");
    }

    /// The first poll of each task answers "task not found": as a FAILED task (`"failed"`) or a 404 (`"404"`).
    public synchronized FakeModelScopeServer notFoundOnce(String how) {
        this.notFoundOnce = how;
        return this;
    }

    /// Every poll answers FAILED "task not found", running `beforeEach` first.
    public synchronized FakeModelScopeServer notFoundAlways(Runnable beforeEach) {
        this.notFoundAlways = beforeEach;
        return this;
    }

    /// The next submit gets exactly `reply` (HTTP error classes, garbage).
    public synchronized FakeModelScopeServer nextSubmit(MockResponse reply) {
        submitReplies.add(reply);
        return this;
    }

    /// The next submit with `token` hits the dynamic (concurrency) limit: 429 while requests remain.
    public synchronized FakeModelScopeServer busyOnce(String token, String retryAfter) {
        busy.put(token, retryAfter);
        return this;
    }

    public synchronized FakeModelScopeServer withoutRateLimitHeaders() {
        headers = false;
        return this;
    }

    /// What the file host answers instead of the PNG.
    public synchronized FakeModelScopeServer imageReply(MockResponse reply) {
        imageReply = reply;
        return this;
    }

    // ---- inspection --------------------------------------------------------------------------------

    public List<RecordedRequest> submits() {
        return apiOf("POST");
    }

    public List<RecordedRequest> polls() {
        return apiOf("GET");
    }

    public List<RecordedRequest> fileRequests() {
        synchronized (fileRequests) {
            return List.copyOf(fileRequests);
        }
    }

    /// API requests (submits and polls) that carried `token` as their Bearer.
    public long requestsWithToken(String token) {
        synchronized (apiRequests) {
            return apiRequests.stream().filter(r -> ("Bearer " + token).equals(r.getHeaders().get("Authorization")))
                    .count();
        }
    }

    private List<RecordedRequest> apiOf(String method) {
        synchronized (apiRequests) {
            return apiRequests.stream().filter(r -> method.equals(r.getMethod())).toList();
        }
    }

    // ---- the wire protocol -------------------------------------------------------------------------

    private MockResponse answerApi(RecordedRequest request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return json(401, "{\"errors\":{\"message\":\"Authentication failed: missing token\"}}").build();
        }
        String token = auth.substring(7);
        String target = request.getTarget();
        if ("POST".equals(request.getMethod()) && target.equals("/v1/images/generations")) {
            return submit(request, token);
        }
        if ("GET".equals(request.getMethod()) && target.startsWith("/v1/tasks/")) {
            return poll(request, token, target.substring("/v1/tasks/".length()));
        }
        return json(404, "{\"errors\":{\"message\":\"Not found\"}}").build();
    }

    private MockResponse submit(RecordedRequest request, String token) {
        if (!submitReplies.isEmpty()) {
            return submitReplies.poll();
        }
        if (!"true".equals(request.getHeaders().get("X-ModelScope-Async-Mode"))) {
            return json(400, "{\"errors\":{\"message\":\"synchronous calls are not supported\"}}").build();
        }
        JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        String model = body.path("model").asString("");
        int[] acc = account.computeIfAbsent(token, t -> new int[] {ACCOUNT_LIMIT, ACCOUNT_LIMIT});
        int[] mod = perModel.computeIfAbsent(token + "\n" + model, k -> new int[] {MODEL_LIMIT, MODEL_LIMIT});
        String retryAfter = busy.remove(token);
        if (retryAfter != null) {
            return figures(json(429, LIMIT_BODY).addHeader("Retry-After", retryAfter), acc, mod).build();
        }
        if (acc[0] <= 0 || mod[0] <= 0) {
            return figures(json(429, LIMIT_BODY), acc, mod).build();
        }
        acc[0]--;
        mod[0]--;
        String id = "task-" + (tasks.size() + 1);
        tasks.put(id, new Task(id, token, model, new int[1]));
        return figures(json(200, "{\"task_id\":\"" + id + "\",\"request_id\":\"req-" + id + "\"}"), acc, mod)
                .build();
    }

    private MockResponse poll(RecordedRequest request, String token, String id) {
        Task task = tasks.get(id);
        // the real service also says "task not found" when the task-type header is missing
        if (task == null || !task.token().equals(token)
                || !"image_generation".equals(request.getHeaders().get("X-ModelScope-Task-Type"))) {
            return taskNotFound(id, "failed");
        }
        int[] acc = account.get(token);
        int[] mod = perModel.get(token + "\n" + task.model());
        int poll = ++task.polls()[0];
        if (notFoundAlways != null) {
            notFoundAlways.run();
            return figures(taskNotFound(id, "failed").newBuilder(), acc, mod).build();
        }
        if (notFoundOnce != null && poll == 1) {
            return figures(taskNotFound(id, notFoundOnce).newBuilder(), acc, mod).build();
        }
        int step = poll - 1 - (notFoundOnce != null ? 1 : 0);
        String failure = tokenFailures.get(token);
        if (failure != null) {
            String status = step == 0 ? "PENDING" : "FAILED";
            var node = JSON.createObjectNode().put("task_id", id).put("task_status", status);
            if (status.equals("FAILED")) {
                node.setAll((tools.jackson.databind.node.ObjectNode) JSON.readTree(failure));
            }
            return figures(json(200, node.toString()), acc, mod).build();
        }
        String status = statuses.get(Math.min(step, statuses.size() - 1));
        return figures(json(200, taskJson(id, status)), acc, mod).build();
    }

    private String taskJson(String id, String status) {
        var node = JSON.createObjectNode().put("task_id", id).put("task_status", status);
        switch (status) {
            case "SUCCEED" -> {
                if (successJson != null) {
                    node.setAll((tools.jackson.databind.node.ObjectNode) JSON.readTree(successJson));
                } else {
                    node.putArray("output_images").add(files.url("/results/" + id + ".png").toString());
                }
            }
            case "FAILED" -> node.setAll((tools.jackson.databind.node.ObjectNode) JSON.readTree(failureJson));
            default -> { }
        }
        return node.toString();
    }

    private static MockResponse taskNotFound(String id, String how) {
        return "404".equals(how)
                ? json(404, "{\"errors\":{\"message\":\"task not found\"}}").build()
                : json(200, "{\"task_id\":\"" + id + "\",\"task_status\":\"FAILED\","
                        + "\"errors\":{\"message\":\"task not found\"}}").build();
    }

    private MockResponse.Builder figures(MockResponse.Builder builder, int[] acc, int[] mod) {
        if (!headers || acc == null || mod == null) {
            return builder;
        }
        return builder.setHeader("modelscope-ratelimit-requests-limit", acc[1])
                .setHeader("modelscope-ratelimit-requests-remaining", acc[0])
                .setHeader("modelscope-ratelimit-model-requests-limit", mod[1])
                .setHeader("modelscope-ratelimit-model-requests-remaining", mod[0]);
    }

    public static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    }

    @Override
    public void close() {
        api.close();
        files.close();
    }
}
