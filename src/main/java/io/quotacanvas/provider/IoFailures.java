package io.quotacanvas.provider;

import io.quotacanvas.core.Outcome;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;

/// Maps an `IOException` from a call to the failure class people and the pipeline understand.
/// Messages name the host but never the request's headers, so they cannot carry a token.
public final class IoFailures {
    private IoFailures() {}

    /// Classifies `e`, raised while calling `url`, in the light of the scope and the deadline.
    public static Outcome.Failure classify(IOException e, HttpUrl url, CallScope scope, Instant deadline,
                                           Instant now) {
        String where = url.host() + ":" + url.port();
        String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        // a cancelled call fails with a plain IOException; only the scope knows people asked for it
        if (scope != null && scope.isCancelled()) return cancelled(scope);
        // connect timeouts are SocketTimeoutExceptions too, but worded differently
        if (e instanceof SocketTimeoutException && msg.contains("connect")) return timeout("could not connect to " + where);
        if (e instanceof SocketTimeoutException) return timeout(where + " stopped sending within the read timeout");
        // OkHttp's call timeout (our per-attempt deadline) surfaces as InterruptedIOException("timeout")
        if (e instanceof InterruptedIOException && msg.contains("timeout")) return timeout(where + " did not answer in time");
        // whatever broke, breaking at or past the deadline is a timeout for the pipeline
        if (deadline != null && !now.isBefore(deadline)) return timeout(where + " did not answer in time");
        if (e instanceof UnknownHostException) return network("unknown host " + url.host());
        if (e instanceof ConnectException) return network("connection refused by " + where);
        if (e instanceof NoRouteToHostException) return network("no route to " + where);
        if (e instanceof SSLException) return network("TLS handshake with " + where + " failed: " + e.getMessage());
        if (msg.contains("reset")) return network("connection reset by " + where);
        // a body cut short: the server or a proxy dropped the connection mid-answer
        if (e instanceof EOFException || e instanceof ProtocolException || msg.contains("unexpected end of stream")) {
            return network(where + " closed the connection before the answer was complete");
        }
        return network("network error talking to " + where + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    private static Outcome.Timeout timeout(String message) {
        return new Outcome.Timeout(message);
    }

    private static Outcome.NetworkError network(String message) {
        return new Outcome.NetworkError(message);
    }

    /// `NetworkError("cancelled: <reason>")` for a cancelled scope.
    public static Outcome.NetworkError cancelled(CallScope scope) {
        String reason = scope.cancelReason();
        return Outcome.NetworkError.cancelled(reason);
    }
}
