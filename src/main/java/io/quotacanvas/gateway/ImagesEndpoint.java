package io.quotacanvas.gateway;

import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import io.quotacanvas.pipeline.Engine;
import io.quotacanvas.pipeline.OutputPaths;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/// `POST /v1/images/generations`: reads and checks the request, takes `n` places in the queue, runs the
/// engine (which stores every image in the library) while watching for the client hanging up, and answers
/// the images made — or, when none was, the error OpenAI clients act on ([FailureMapping]). Thread-safe.
final class ImagesEndpoint {
    private static final Logger LOG = Logger.getLogger(ImagesEndpoint.class.getName());
    private static final String HUNG_UP = "the client hung up";

    private final GatewayContext ctx;
    private final Engine engine;
    private final GenerationParser parser;
    private final NextReady nextReady;
    private final Clock clock;

    ImagesEndpoint(GatewayContext ctx, Engine engine, GenerationParser parser, NextReady nextReady, Clock clock) {
        this.ctx = ctx;
        this.engine = engine;
        this.parser = parser;
        this.nextReady = nextReady;
        this.clock = clock;
    }

    Reply handle(Request request, String requestId) throws IOException {
        ApiError mediaType = RequestBodies.checkJson(request);
        if (mediaType != null) {
            return Reply.error(mediaType);
        }
        RequestBodies.Read read = RequestBodies.read(request, ctx.maxBody());
        if (read.error() != null) {
            return Reply.error(read.error());
        }
        JsonNode json;
        try {
            json = Reply.JSON.readTree(read.bytes());
        } catch (JacksonException e) {
            return Reply.error(ApiError.badRequest(null, "We could not parse the JSON body of your request; send "
                    + "a JSON object such as {\"prompt\": \"a red fox in snow\"} with Content-Type: application/json."));
        }
        GenerationParser.Result parsed = parser.parse(json);
        if (parsed.error() != null) {
            return Reply.error(parsed.error());
        }
        return run(request, parsed.call(), requestId);
    }

    private Reply run(Request request, GenerationCall call, String requestId) throws IOException {
        Workload.Ticket ticket = ctx.workload().admit(call.request().count());
        if (ticket == null) {
            return Reply.error(ctx.workload().draining()
                    ? ApiError.unavailable("shutting_down", "The gateway is shutting down; try again shortly.", 5)
                    : ApiError.unavailable("queue_full", "The gateway is busy (" + ctx.workload().queued() + " of "
                    + ctx.workload().capacity() + " images queued, gateway.max_queue); try again shortly.", 2));
        }
        try (ticket) {
            DisconnectWatch watch = DisconnectWatch.arm(request, () -> ticket.scope().cancel(HUNG_UP));
            BatchResult batch = engine.run(call.request(), OutputPaths.NONE, ctx.metrics(), ticket.scope());
            boolean keepAlive = watch == null || watch.disarm();
            if (HUNG_UP.equals(ticket.scope().cancelReason())) {
                LOG.info(() -> requestId + ": the client hung up; " + batch.generatedCount() + " of "
                        + batch.images().size() + " images were made before (kept in the library)");
                return new Reply.Gone();
            }
            Reply reply = answer(call, batch, ctx.baseUrl(request), requestId);
            return keepAlive ? reply : Reply.withHeader(reply, "Connection", "close");
        }
    }

    private Reply answer(GenerationCall call, BatchResult batch, String baseUrl, String requestId)
            throws IOException {
        GenerationAnswer answer = new GenerationAnswer(ctx.files(), ctx.scrubber(), baseUrl);
        if (!batch.noneGenerated()) {
            return Reply.json(200, answer.body(batch, call.b64(), clock.instant()));
        }
        List<ImageResult.Failed> failures = batch.images().stream().map(ImageResult.Failed.class::cast).toList();
        ApiError mapped = FailureMapping.of(failures, ctx.workload().draining(),
                () -> nextReady.seconds(call.request(), batch.images(), clock.instant()), requestId);
        ApiError error = mapped.withMessage(ctx.scrubber().scrub(mapped.message()));
        if (error.status() >= 500) {
            LOG.log(error.status() == 500 ? Level.SEVERE : Level.WARNING, requestId + ": " + error.status() + " "
                    + error.code() + ": " + ctx.scrubber().scrub(failures.getFirst().error()));
        }
        if (error.status() == 500 && error.code().equals("internal_error")) {
            return Reply.error(error);
        }
        List<Object> images = batch.images().stream().map(r -> answer.payload(r, null)).toList();
        return Reply.error(error.withExtra("quota_canvas", answer.summary(batch, images)));
    }
}
