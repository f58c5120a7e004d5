package io.quotacanvas.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/// Reads request bodies under a cap and checks that they are JSON, with OpenAI-shaped errors. Stateless.
final class RequestBodies {
    private RequestBodies() {
    }

    /// The body, or the error to answer: 413 when it is (or declares to be) larger than `max`.
    record Read(byte[] bytes, ApiError error) {}

    static Read read(Request request, long max) throws IOException {
        long declared = request.getLength();
        if (declared > max) {
            return new Read(null, tooLarge(max));
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            return bytes.length > max ? new Read(null, tooLarge(max)) : new Read(bytes, null);
        }
    }

    /// 415 unless the body is declared as JSON (or not declared at all).
    static ApiError checkJson(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return null;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (media.equals("application/json") || media.endsWith("+json")) {
            return null;
        }
        return ApiError.of(415, ApiError.INVALID_REQUEST, "unsupported_media_type", null, "The body must be JSON "
                + "sent with Content-Type: application/json (got " + media.replaceAll("[^a-z0-9/.+-]", "") + ").");
    }

    private static ApiError tooLarge(long max) {
        return ApiError.of(413, ApiError.INVALID_REQUEST, "request_too_large", null, "The request body is larger "
                + "than " + max + " bytes (gateway.max_body).");
    }
}
