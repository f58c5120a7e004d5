package io.quotacanvas.provider.openaiapi;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.ImageDecoding;
import io.quotacanvas.provider.ProviderCall;
import io.quotacanvas.provider.ProviderHttp;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Request;

/// One synchronous OpenAI-family image attempt: send the generation request, classify a non-2xx answer
/// with the adapter's classifier, download a result URL at once (without the token), decode and verify
/// the image. Every failure message is scrubbed of the token before it leaves.
///
/// Thread-safe; adapters hold one instance each.
public final class OpenAiImageFlow {

    /// An adapter's pure classifier of non-2xx answers.
    @FunctionalInterface
    public interface ErrorClassifier {
        Outcome.Failure classify(int status, Headers headers, String body, Instant now);
    }

    private final ProviderHttp http;
    private final ErrorClassifier classifier;

    public OpenAiImageFlow(ProviderHttp http, ErrorClassifier classifier) {
        this.http = http;
        this.classifier = classifier;
    }

    /// Runs the attempt; returns exactly one outcome and never throws for I/O or provider misbehaviour.
    public Outcome run(Request request, ProviderCall call) {
        Outcome outcome = attempt(request, call);
        return outcome instanceof Outcome.Failure f ? BearerAuth.redact(f, call.token()) : outcome;
    }

    private Outcome attempt(Request request, ProviderCall call) {
        Exchange exchange = http.fetchJson(request, call);
        if (!(exchange instanceof Exchange.Reply reply)) {
            return ((Exchange.Failed) exchange).failure();
        }
        if (!reply.isSuccessful()) {
            return classifier.classify(reply.status(), reply.headers(), reply.text(), http.clock().instant());
        }
        return switch (OpenAiImages.parseResponse(reply.status(), reply.contentType(), reply.body())) {
            case OpenAiImages.Parsed.Invalid invalid -> invalid.failure();
            case OpenAiImages.Parsed.Inline inline ->
                    ImageDecoding.decode(inline.bytes(), inline.contentType(), null, reply.status());
            case OpenAiImages.Parsed.Url url -> download(url, call, reply.status());
        };
    }

    private Outcome download(OpenAiImages.Parsed.Url url, ProviderCall call, int generationStatus) {
        return switch (http.fetchImage(url.url(), call)) {
            case Exchange.Failed failed -> failed.failure();
            // the file host is struggling: worth a retry
            case Exchange.Reply r when r.status() >= 500 -> new Outcome.ProviderError(r.status(),
                    "image download from " + url.url().host() + " failed (HTTP " + r.status() + ")");
            // an expired or bogus result link: the provider's answer was unusable
            case Exchange.Reply r when !r.isSuccessful() -> new Outcome.BadResponse(r.status(),
                    "image URL from the provider answered HTTP " + r.status());
            case Exchange.Reply r ->
                    ImageDecoding.decode(r.body(), r.contentType(), url.url().toString(), generationStatus);
        };
    }
}
