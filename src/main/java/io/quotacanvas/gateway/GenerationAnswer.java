package io.quotacanvas.gateway;

import io.quotacanvas.contract.JsonPayloads;
import io.quotacanvas.core.ImageResult;
import io.quotacanvas.pipeline.BatchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The body of a generation that made at least one image, in OpenAI's shape:
/// `{created, data: [{url | b64_json, revised_prompt}], quota_canvas: {...}}`.
///
/// `data` holds the images made, in request order; with `n` > 1 some may be missing, and `quota_canvas.images`
/// says why (one payload per requested image: the CLI's `--json` image payload, minus the server's file paths,
/// with `url` the gateway's own). Not thread-safe; one per answer.
final class GenerationAnswer {
    private final FileStore files;
    private final SecretScrubber scrubber;
    private final String baseUrl;

    /// `baseUrl` is where clients reach the gateway (`http://127.0.0.1:8787`), without a trailing slash.
    GenerationAnswer(FileStore files, SecretScrubber scrubber, String baseUrl) {
        this.files = files;
        this.scrubber = scrubber;
        this.baseUrl = baseUrl;
    }

    Map<String, Object> body(BatchResult batch, boolean b64, Instant now) throws IOException {
        List<Map<String, Object>> data = new ArrayList<>();
        List<Object> images = new ArrayList<>();
        for (ImageResult r : batch.images()) {
            String url = null;
            if (r instanceof ImageResult.Generated g) {
                Map<String, Object> item = new LinkedHashMap<>();
                if (b64) {
                    item.put("b64_json", Base64.getEncoder().encodeToString(Files.readAllBytes(g.savedPath())));
                } else {
                    url = baseUrl + "/v1/files/" + files.publish(g.savedPath()) + ".png";
                    item.put("url", url);
                }
                item.put("revised_prompt", g.promptFinal());
                data.add(item);
            }
            images.add(payload(r, url));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", now.getEpochSecond());
        body.put("data", data);
        body.put("quota_canvas", summary(batch, images));
        return body;
    }

    /// `quota_canvas` for an answer: the batch's counts and each image's payload.
    Map<String, Object> summary(BatchResult batch, List<Object> images) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", batch.images().size());
        m.put("succeeded", batch.generatedCount());
        m.put("elapsed_ms", batch.elapsedMs());
        m.put("images", images);
        return m;
    }

    /// The CLI's payload of one image without the server's paths; `url` is the gateway's (null for b64).
    Object payload(ImageResult r, String url) {
        Map<String, Object> m = new LinkedHashMap<>(JsonPayloads.image(r));
        m.remove("saved_path");
        m.remove("output_paths");
        if (m.containsKey("url")) {
            m.put("url", url);
        }
        return scrubber.scrub(m);
    }
}
