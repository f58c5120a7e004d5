package io.quotacanvas.provider;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.Token;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Request;

/// The only code that reads a token's raw value: it signs requests bound for the provider's own origin
/// and scrubs the value out of any text that might echo it back.
///
/// Stateless and thread-safe.
public final class BearerAuth {
    private BearerAuth() {}

    /// Adds `Authorization: Bearer <token>` to `builder` when `target` has the same scheme, host and port
    /// as `baseUrl` and the token is not anonymous; otherwise returns `builder` untouched.
    public static Request.Builder sign(Request.Builder builder, HttpUrl baseUrl, HttpUrl target, Token token) {
        if (token == null || token.isAnonymous()) {
            return builder;
        }
        if (!sameOrigin(baseUrl, target)) {
            return builder;
        }
        return builder.header("Authorization", "Bearer " + token.secret().reveal());
    }

    /// True when both URLs share scheme, host (case-insensitive) and port.
    public static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme())
                && a.host().toLowerCase(Locale.ROOT).equals(b.host().toLowerCase(Locale.ROOT))
                && a.port() == b.port();
    }

    /// `text` with every occurrence of the token's value replaced by its masked form; null stays null.
    public static String redact(String text, Token token) {
        if (text == null || token == null || token.isAnonymous()) {
            return text;
        }
        return text.replace(token.secret().reveal(), token.secret().masked());
    }

    /// The same failure with its message redacted (see [#redact(String, Token)]).
    public static Outcome.Failure redact(Outcome.Failure failure, Token token) {
        String m = redact(failure.message(), token);
        if (m == null || m.equals(failure.message())) {
            return failure;
        }
        return switch (failure) {
            case Outcome.QuotaExhausted q -> new Outcome.QuotaExhausted(q.httpStatus(), m, q.resetAt(), q.modelOnly());
            case Outcome.RateLimited r -> new Outcome.RateLimited(r.httpStatus(), m, r.retryAfter());
            case Outcome.AuthFailed a -> new Outcome.AuthFailed(a.httpStatus(), m, a.modelOnly());
            case Outcome.ModelUnavailable u -> new Outcome.ModelUnavailable(u.httpStatus(), m);
            case Outcome.ContentRejected c -> new Outcome.ContentRejected(c.httpStatus(), m);
            case Outcome.ProviderError p -> new Outcome.ProviderError(p.httpStatus(), m);
            case Outcome.BadResponse b -> new Outcome.BadResponse(b.httpStatus(), m);
            case Outcome.NetworkError n -> new Outcome.NetworkError(m, n.isCancellation());
            case Outcome.Timeout t -> new Outcome.Timeout(m);
        };
    }
}
