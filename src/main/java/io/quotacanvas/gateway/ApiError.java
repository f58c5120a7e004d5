package io.quotacanvas.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/// An error answer in OpenAI's shape, `{"error":{"message","type","param","code"}}`, with the status code the
/// OpenAI SDKs map to their exception classes (400 BadRequest, 401 Authentication, 404 NotFound, 429 RateLimit,
/// 5xx InternalServer). `headers` go out with it (`Retry-After`, `x-should-retry`); `extra` adds top-level
/// fields beside `error` (the `quota_canvas` attempts of a failed generation). Messages never hold a stack
/// trace or a token. Immutable.
record ApiError(int status, String type, String code, String param, String message, Map<String, String> headers,
                Map<String, Object> extra) {

    static final String INVALID_REQUEST = "invalid_request_error";
    static final String SERVER_ERROR = "server_error";

    ApiError {
        headers = Map.copyOf(headers);
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    static ApiError of(int status, String type, String code, String param, String message) {
        return new ApiError(status, type, code, param, message, Map.of(), Map.of());
    }

    /// 400 naming the field at fault in `param` and in the message.
    static ApiError badRequest(String param, String message) {
        return of(400, INVALID_REQUEST, param == null ? "invalid_request" : "invalid_value", param, message);
    }

    static ApiError unauthorized(String message) {
        return of(401, INVALID_REQUEST, "invalid_api_key", null, message);
    }

    static ApiError modelNotFound(String model, String known) {
        return of(404, INVALID_REQUEST, "model_not_found", "model", "The model '" + model + "' does not exist on "
                + "this gateway. Models: " + known + " (GET /v1/models lists them with their readiness).");
    }

    static ApiError unknownUrl(String method, String path) {
        return of(404, INVALID_REQUEST, "unknown_url", null, "Unrecognized request URL (" + method + " " + path
                + "). This gateway serves POST /v1/images/generations, GET /v1/models, GET /health and GET /metrics.");
    }

    static ApiError methodNotAllowed(String method, String path, String allow) {
        return new ApiError(405, INVALID_REQUEST, "method_not_allowed", null, method + " is not allowed on " + path
                + "; use " + allow + ".", Map.of("Allow", allow), Map.of());
    }

    static ApiError internal(String requestId) {
        return of(500, SERVER_ERROR, "internal_error", null, "The gateway had an error while processing your "
                + "request (request id " + requestId + "); details are in its log.");
    }

    /// 503 for a full queue or a gateway going down: worth retrying shortly.
    static ApiError unavailable(String code, String message, long retryAfterSeconds) {
        return new ApiError(503, SERVER_ERROR, code, null, message, Map.of("Retry-After",
                String.valueOf(retryAfterSeconds), "x-should-retry", "true"), Map.of());
    }

    ApiError withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new ApiError(status, type, code, param, message, all, extra);
    }

    ApiError withMessage(String text) {
        return new ApiError(status, type, code, param, text, headers, extra);
    }

    ApiError withExtra(String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(extra);
        all.put(key, value);
        return new ApiError(status, type, code, param, message, headers, all);
    }

    /// The JSON body: `error` first, then the extra fields.
    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.putAll(extra);
        return body;
    }
}
