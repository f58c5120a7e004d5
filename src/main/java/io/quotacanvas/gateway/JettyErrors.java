package io.quotacanvas.gateway;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/// Jetty's own error answers (a malformed request line, headers too large, a URI it refuses…) in OpenAI's
/// JSON shape instead of Jetty's HTML page, never with a stack trace or the server's name. Thread-safe.
final class JettyErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() < 400 ? 500 : response.getStatus();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.write(true, ByteBuffer.wrap(Reply.JSON.writeValueAsBytes(error(status).body())), callback);
        return true;
    }

    private static ApiError error(int status) {
        String reason = HttpStatus.getMessage(status);
        return status >= 500
                ? ApiError.of(status, ApiError.SERVER_ERROR, "server_error", null, "The gateway could not answer ("
                + status + " " + reason + ").")
                : ApiError.of(status, ApiError.INVALID_REQUEST, "invalid_http_request", null, "The HTTP request was "
                + "refused (" + status + " " + reason + "); check its request line and headers.");
    }
}
