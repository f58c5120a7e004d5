package io.quotacanvas.provider;

import io.quotacanvas.core.Outcome;
import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/// What one HTTP exchange came to: a fully read reply of any status, or a failure that left no usable
/// reply (network, timeout, cancellation, oversize body).
public sealed interface Exchange {

    /// A complete response. `contentType` is the raw header value or null; `body` is never null.
    record Reply(int status, Headers headers, String contentType, byte[] body) implements Exchange {

        public boolean isSuccessful() {
            return status >= 200 && status < 300;
        }

        /// The body decoded as UTF-8.
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Reply[" + status + " " + contentType + ", " + body.length + " bytes]";
        }
    }

    record Failed(Outcome.Failure failure) implements Exchange {}
}
