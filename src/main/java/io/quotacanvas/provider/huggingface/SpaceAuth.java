package io.quotacanvas.provider.huggingface;

import io.quotacanvas.core.Token;
import io.quotacanvas.provider.BearerAuth;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/// Signs Space requests with `x-hf-authorization: Bearer <token>` (what gradio_client sends; never plain
/// `Authorization` to a Space) and, as a network interceptor, strips that header from every hop that
/// leaves the Space's own origin, so a redirect can never carry the token elsewhere.
///
/// Stateless and thread-safe: the origin a request was signed for travels in the request's tag.
final class SpaceAuth implements Interceptor {
    static final String HEADER = "x-hf-authorization";

    /// The Space origin a request was signed for.
    record Origin(HttpUrl space) {}

    /// `builder` tagged with the Space's origin and, when `target` is on that origin and the token is real,
    /// carrying the token.
    static Request.Builder sign(Request.Builder builder, HttpUrl space, HttpUrl target, Token token) {
        builder.tag(Origin.class, new Origin(space));
        if (token == null || token.isAnonymous() || !BearerAuth.sameOrigin(space, target)) {
            return builder;
        }
        return builder.header(HEADER, "Bearer " + token.secret().reveal());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.header(HEADER) == null) {
            return chain.proceed(request);
        }
        Origin origin = request.tag(Origin.class);
        if (origin != null && BearerAuth.sameOrigin(origin.space(), request.url())) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().removeHeader(HEADER).build());
    }
}
