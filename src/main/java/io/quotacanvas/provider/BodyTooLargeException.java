package io.quotacanvas.provider;

import java.io.IOException;

/// A response body passed its size cap; caught inside [ProviderHttp] and turned into a `BadResponse`.
final class BodyTooLargeException extends IOException {
    final long cap;

    BodyTooLargeException(long cap) {
        super("body larger than " + cap + " bytes");
        this.cap = cap;
    }
}
