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
        // a cancelled call fails with a plain IOException; the scope says whether people asked for it
        if (scope != null && scope.isCancelled()) return cancelled(scope);
        if (e instanceof SocketTimeoutException && msg.contains("connect")) return new Outcome.Timeout("could not connect to " + where + " within the connect timeout");
        if (e instanceof SocketTimeoutException) return new Outcome.Timeout(where + " stopped sending within the read timeout");
        if (e instanceof InterruptedIOException && msg.contains("timeout")) return new Outcome.Timeout(where + " did not answer before the deadline");
        if (deadline != null && !now.isBefore(deadline)) return new Outcome.Timeout(where + " did not answer before the deadline");
        if (e instanceof UnknownHostException) return new Outcome.NetworkError("unknown host " + url.host());
        if (e instanceof ConnectException) return new Outcome.NetworkError("connection refused by " + where);
        if (e instanceof NoRouteToHostException) return new Outcome.NetworkError("no route to " + where);
        if (e instanceof SSLException) return new Outcome.NetworkError("TLS handshake with " + where + " failed: " + e.getMessage());
        if (msg.contains("reset")) return new Outcome.NetworkError("connection reset by " + where);
        if (e instanceof EOFException || e instanceof ProtocolException || msg.contains("unexpected end of stream")) return new Outcome.NetworkError(where + " closed the connection before the answer was complete");
        return new Outcome.NetworkError("network error talking to " + where + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }

    /// `NetworkError("cancelled: <reason>")` for a cancelled scope.
    public static Outcome.NetworkError cancelled(CallScope scope) {
        String reason = scope.cancelReason();
        return new Outcome.NetworkError("cancelled: " + (reason == null ? "cancelled" : reason));
    }
}
