package io.quotacanvas.token.probe;

import java.util.Objects;

/// What a token test found, with a message for people (masked labels only). `httpStatus` is 0 when no
/// answer came (or no request was made).
public record ProbeResult(Kind kind, String message, int httpStatus) {

    public enum Kind {
        /// The provider accepted the token.
        OK,
        /// The provider rejected the token (auth).
        INVALID,
        /// The token works but is spent or rate-limited right now.
        QUOTA,
        /// No usable answer: network trouble, timeout, or a server error.
        UNREACHABLE,
        /// The provider offers no request that checks a token without spending image quota.
        NO_PROBE;

        /// `ok`, `invalid`, `quota`, `unreachable`, `no_probe`: the CLI's JSON names.
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ProbeResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /// True when the test proved the token usable.
    public boolean passed() {
        return kind == Kind.OK;
    }

    /// True when the test failed in a way the token is to blame for (invalid or spent).
    public boolean failed() {
        return kind == Kind.INVALID || kind == Kind.QUOTA || kind == Kind.UNREACHABLE;
    }
}
