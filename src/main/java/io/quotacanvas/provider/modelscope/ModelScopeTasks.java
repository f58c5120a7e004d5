package io.quotacanvas.provider.modelscope;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.openaiapi.ErrorBody;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/// Pure parsing of ModelScope's 2xx answers: the submit answer `{"task_id", "request_id"}` and the task
/// answer `{"task_status", "output_images", "errors"?, "message"?}`. Never throws.
public final class ModelScopeTasks {
    private static final Pattern TASK_NOT_FOUND = Pattern.compile("task.{0,40}not (be )?(found|exist)");

    /// What a submit answer says.
    public sealed interface Submitted {
        record Task(String id) implements Submitted {}

        record Invalid(Outcome.BadResponse failure) implements Submitted {}
    }

    /// What one poll says about the task.
    public sealed interface TaskState {
        /// `PENDING`, `RUNNING` or `PROCESSING`: poll again.
        record Running(String status) implements TaskState {}

        record Succeeded(HttpUrl image) implements TaskState {}

        /// `FAILED`; `message` is the provider's own text, or a placeholder.
        record Failed(String message) implements TaskState {}

        record Invalid(Outcome.BadResponse failure) implements TaskState {}
    }

    private ModelScopeTasks() {}

    public static Submitted parseSubmit(int status, byte[] body) {
        JsonNode root = json(body);
        if (root == null) {
            return new Submitted.Invalid(notJson(status, body));
        }
        String id = text(root.path("task_id"));
        if (id != null && !id.isBlank()) {
            return new Submitted.Task(id.strip());
        }
        String error = ErrorBody.parse(root.toString()).message();
        return new Submitted.Invalid(new Outcome.BadResponse(status, "provider's answer has no task_id"
                + (error == null ? "" : ": " + error)));
    }

    public static TaskState parseTask(int status, byte[] body) {
        JsonNode root = json(body);
        if (root == null) {
            return new TaskState.Invalid(notJson(status, body));
        }
        String taskStatus = text(root.path("task_status"));
        if (taskStatus == null) {
            return invalid(status, "provider's task answer has no task_status");
        }
        return switch (taskStatus.strip().toUpperCase(Locale.ROOT)) {
            case "PENDING", "RUNNING", "PROCESSING" -> new TaskState.Running(taskStatus);
            case "SUCCEED", "SUCCEEDED", "SUCCESS" -> succeeded(status, root);
            case "FAILED", "FAILURE" -> new TaskState.Failed(failure(root));
            default -> invalid(status, "provider's task has an unknown task_status '" + taskStatus + "'");
        };
    }

    /// The failed task's message, with its error code when the message doesn't say it (Aliyun's `Arrearage`
    /// comes as a code beside a generic "Access denied" message).
    private static String failure(JsonNode root) {
        String message = ErrorBody.parse(root.toString()).quoted();
        String code = text(root.path("errors").path("code"));
        code = code != null ? code : text(root.path("code"));
        return code == null || code.isBlank() || message.contains(code) ? message : message + " [" + code + "]";
    }

    /// True when `text` is ModelScope's "task not found", which right after submit only means the task
    /// is not visible yet.
    public static boolean saysTaskNotFound(String text) {
        return text != null && TASK_NOT_FOUND.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static TaskState succeeded(int status, JsonNode root) {
        String url = text(root.path("output_images").path(0));
        if (url == null || url.isBlank()) {
            return invalid(status, "provider's task succeeded without output_images[0]");
        }
        HttpUrl parsed = HttpUrl.parse(url.strip());
        return parsed == null ? invalid(status, "provider's output image is not an http(s) URL")
                : new TaskState.Succeeded(parsed);
    }

    private static JsonNode json(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonNode root = ModelScopeRequests.JSON.readTree(text);
            return root.isObject() ? root : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node != null && (node.isString() || node.isNumber()) ? node.asString() : null;
    }

    private static Outcome.BadResponse notJson(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String what = text.strip().startsWith("<") ? "text/html" : "a body that is not a JSON object";
        return new Outcome.BadResponse(status, "provider returned " + what + " instead of a task: "
                + ErrorBody.parse(text).quoted());
    }

    private static TaskState.Invalid invalid(int status, String message) {
        return new TaskState.Invalid(new Outcome.BadResponse(status, message));
    }
}
