package io.quotacanvas.token.probe;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BearerAuth;
import io.quotacanvas.provider.BodyLimits;
import io.quotacanvas.provider.Exchange;
import io.quotacanvas.provider.ProviderHttp;
import io.quotacanvas.provider.openaiapi.OpenAiFailures;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.Request;

/// A probe of one `GET` endpoint under a provider's base URL, signed with `Authorization: Bearer` only when
/// the URL is on the provider's own origin (and the client strips it on any redirect elsewhere). 2xx is
/// ok; the error answer is classified like the provider's image errors. An optional follow-up turns the
/// success body into details (A4F's `/usage`). Thread-safe.
final class HttpProbe implements TokenProbe {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final OpenAiFailures.Dialect DIALECT =
            new OpenAiFailures.Dialect(" the token lacks a permission, or the account is not set up for this API");

    private final ProviderHttp http;
    private final String providerName;
    private final String path;
    private final Function<String, String> describeOk;
    private final boolean missingMeansNoProbe;

    /// `path` under the base URL (e.g. `models`); `describeOk` turns a 2xx body into the ok message.
    HttpProbe(ProviderHttp http, String providerName, String path, Function<String, String> describeOk,
              boolean missingMeansNoProbe) {
        this.http = http;
        this.providerName = providerName;
        this.path = path;
        this.describeOk = describeOk;
        this.missingMeansNoProbe = missingMeansNoProbe;
    }

    @Override
    public ProbeResult probe(Token token) {
        if (token.isAnonymous()) {
            return new ProbeResult(ProbeResult.Kind.NO_PROBE, "the anonymous pseudo-token has nothing to test", 0);
        }
        Exchange exchange = get(path, token);
        return switch (exchange) {
            case Exchange.Failed f -> new ProbeResult(ProbeResult.Kind.UNREACHABLE,
                    providerName + " could not be reached: " + BearerAuth.redact(f.failure().message(), token), 0);
            case Exchange.Reply r when r.isSuccessful() -> new ProbeResult(ProbeResult.Kind.OK,
                    BearerAuth.redact(describeOk.apply(r.text()), token), r.status());
            case Exchange.Reply r -> classify(r, token);
        };
    }

    /// `GET {base}/{relative}` signed for `token`; also used by follow-ups.
    Exchange get(String relative, Token token) {
        HttpUrl url = endpoint(relative);
        Request.Builder builder = new Request.Builder().url(url).get().header("Accept", "application/json");
        Request request = BearerAuth.sign(builder, http.baseUrl(), url, token).build();
        return http.execute(request, null, http.clock().instant().plus(LIMIT), BodyLimits.DEFAULT.jsonBytes());
    }

    private HttpUrl endpoint(String relative) {
        HttpUrl base = http.baseUrl();
        HttpUrl.Builder b = base.newBuilder();
        var segments = base.pathSegments();
        if (!segments.isEmpty() && segments.getLast().isEmpty()) {
            b.removePathSegment(segments.size() - 1);
        }
        return b.addPathSegments(relative).build();
    }

    private ProbeResult classify(Exchange.Reply r, Token token) {
        int status = r.status();
        if (missingMeansNoProbe && (status == 404 || status == 405)) {
            return new ProbeResult(ProbeResult.Kind.NO_PROBE, "no free probe for " + providerName + " (GET /" + path
                    + " answered HTTP " + status + "); the next image request will tell", status);
        }
        Outcome.Failure f = OpenAiFailures.classify(status, r.headers(), r.text(), http.clock().instant(), DIALECT);
        String message = BearerAuth.redact(f.message(), token);
        return switch (f) {
            case Outcome.AuthFailed _ -> new ProbeResult(ProbeResult.Kind.INVALID, providerName + " " + message, status);
            case Outcome.QuotaExhausted _ -> new ProbeResult(ProbeResult.Kind.QUOTA, providerName + " " + message, status);
            case Outcome.RateLimited _ -> new ProbeResult(ProbeResult.Kind.QUOTA, providerName + " " + message, status);
            default -> new ProbeResult(ProbeResult.Kind.UNREACHABLE, providerName + " gave no usable answer to GET /"
                    + path + ", so the token could not be checked: " + message, status);
        };
    }
}
