package io.quotacanvas.provider;

import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/// Network interceptor that strips credentials from every request leaving for an origin other than the
/// provider's base URL. Being a network interceptor it sees each redirect hop, so a token attached to
/// the first request can never follow a redirect to another host.
///
/// Thread-safe and stateless apart from the immutable home origin.
public final class ForeignHostAuthGuard implements Interceptor {
    private static final List<String> AUTH_HEADERS = List.of("Authorization", "X-Api-Key", "Api-Key");

    private final HttpUrl home;

    public ForeignHostAuthGuard(HttpUrl home) {
        this.home = home;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (BearerAuth.sameOrigin(home, request.url())) {
            return chain.proceed(request);
        }
        Request.Builder stripped = request.newBuilder();
        AUTH_HEADERS.forEach(stripped::removeHeader);
        return chain.proceed(stripped.build());
    }
}
