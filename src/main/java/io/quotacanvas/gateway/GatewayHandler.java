package io.quotacanvas.gateway;

import io.quotacanvas.token.QuotaStatus;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/// The one Jetty handler: gives each request an id (`x-request-id`), applies CORS, routes by path and method
/// (404/405 in OpenAI's shape otherwise), checks the API key where one is needed, calls the endpoint, writes
/// its [Reply] and logs one line per request — never a header value, a key or a stack trace to the client.
/// Runs each request on its own virtual thread, so endpoints may block. Thread-safe.
final class GatewayHandler extends Handler.Abstract {
    private static final Logger LOG = Logger.getLogger(GatewayHandler.class.getName());
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("\\p{Cntrl}");

    private final GatewayContext ctx;
    private final Authenticator auth;
    private final Cors cors;
    private final ImagesEndpoint images;
    private final ModelsEndpoint models;
    private final QuotaStatus status;

    GatewayHandler(GatewayContext ctx, Authenticator auth, Cors cors, ImagesEndpoint images, ModelsEndpoint models,
                   QuotaStatus status) {
        this.ctx = ctx;
        this.auth = auth;
        this.cors = cors;
        this.images = images;
        this.models = models;
        this.status = status;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long t0 = System.nanoTime();
        String id = "req_" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        String method = request.getMethod();
        String path = request.getHttpURI().getPath() == null ? "/" : request.getHttpURI().getPath();
        Routes.Match match = Routes.match(path);
        Reply reply;
        try {
            reply = route(request, method, path, match, id);
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, id + ": " + method + " " + shown(match, path) + " failed", t);
            reply = Reply.error(ApiError.internal(id));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int code = reply instanceof Reply.Body b ? b.status() : 499;
        // counted before it is written, so a client that reads the metrics after its answer sees it counted
        ctx.metrics().answered(match == null ? "unknown" : match.route().template(), code);
        LOG.info(() -> id + " " + method + " " + shown(match, path) + " " + code + " " + ms + " ms");
        write(request, response, callback, reply, id, ms);
        return true;
    }

    private Reply route(Request request, String method, String path, Routes.Match match, String id) throws Exception {
        if (method.equals("OPTIONS")) {
            return new Reply.Body(204, "text/plain", new byte[0], Map.of("Allow", "GET, POST, OPTIONS"));
        }
        if (match == null) {
            return Reply.error(ApiError.unknownUrl(method, path.length() > 200 ? path.substring(0, 200) + "…" : path));
        }
        if (!match.route().method().equals(method)) {
            return Reply.error(ApiError.methodNotAllowed(method, match.route().template(), match.route().method()));
        }
        if (match.route().keyed() && !auth.allows(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return Reply.withHeader(Reply.error(ApiError.unauthorized(request.getHeaders()
                    .get(HttpHeader.AUTHORIZATION) == null
                    ? "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'."
                    : "Incorrect API key provided.")), "WWW-Authenticate", "Bearer");
        }
        return switch (match.route()) {
            case GENERATIONS -> images.handle(request, id);
            case MODELS -> models.list();
            case MODEL -> models.one(match.id());
            case FILE -> file(match.id());
            case HEALTH -> health();
            case METRICS -> Reply.text(200, Prometheus.CONTENT_TYPE, ctx.metrics().render(status.report(),
                    ctx.workload()::inFlight, ctx.workload()::queued, ctx.workload().capacity()));
        };
    }

    private Reply file(String fileId) throws Exception {
        Optional<Path> path = ctx.files().resolve(fileId);
        ApiError gone = ApiError.of(404, ApiError.INVALID_REQUEST, "file_not_found", null,
                "No such file: it never existed or its link expired (gateway.file_ttl).");
        if (path.isEmpty()) {
            return Reply.error(gone);
        }
        try {
            return new Reply.Body(200, "image/png", Files.readAllBytes(path.get()),
                    Map.of("Cache-Control", "private, max-age=3600"));
        } catch (NoSuchFileException e) {
            return Reply.error(gone);
        }
    }

    private Reply health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean draining = ctx.workload().draining();
        body.put("status", draining ? "shutting_down" : "ok");
        body.put("requests_in_flight", ctx.workload().inFlight());
        body.put("queue_depth", ctx.workload().queued());
        body.put("queue_capacity", ctx.workload().capacity());
        return Reply.json(draining ? 503 : 200, body);
    }

    private void write(Request request, Response response, Callback callback, Reply reply, String id, long ms) {
        if (!(reply instanceof Reply.Body b)) {
            callback.failed(new EofException("the client hung up"));
            return;
        }
        response.setStatus(b.status());
        var headers = response.getHeaders();
        headers.put("x-request-id", id);
        headers.put("openai-processing-ms", String.valueOf(ms));
        cors.apply(request.getHeaders().get(HttpHeader.ORIGIN), headers);
        b.headers().forEach(headers::put);
        if (b.status() != 204) {
            headers.put(HttpHeader.CONTENT_TYPE, b.contentType());
        }
        response.write(true, ByteBuffer.wrap(b.bytes()), callback);
    }

    /// The path as logged: file ids are capabilities, so they are left out.
    private static String shown(Routes.Match match, String path) {
        if (match != null && match.route() == Routes.FILE) {
            return "/v1/files/…";
        }
        String clean = CONTROL.matcher(path).replaceAll("?");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
