package io.quotacanvas.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/// What an endpoint answers, before it is written: a status, headers and a body, or nothing at all when the
/// client already hung up. Immutable.
sealed interface Reply {
    JsonMapper JSON = JsonMapper.builder().build();

    /// A body of `contentType`.
    record Body(int status, String contentType, byte[] bytes, Map<String, String> headers) implements Reply {}

    /// The client is gone; nobody to answer.
    record Gone() implements Reply {}

    static Reply json(int status, Object body) {
        return new Body(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
    }

    static Reply error(ApiError error) {
        return new Body(error.status(), "application/json", JSON.writeValueAsBytes(error.body()), error.headers());
    }

    static Reply text(int status, String contentType, String text) {
        return new Body(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /// `reply` with one more header (a body; [Gone] stays as it is).
    static Reply withHeader(Reply reply, String name, String value) {
        if (!(reply instanceof Body b)) {
            return reply;
        }
        Map<String, String> headers = new LinkedHashMap<>(b.headers());
        headers.put(name, value);
        return new Body(b.status(), b.contentType(), b.bytes(), Map.copyOf(headers));
    }
}
