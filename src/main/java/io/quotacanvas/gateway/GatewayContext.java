package io.quotacanvas.gateway;

import java.net.URI;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;

/// What the endpoints share: the queue, the metrics, the handed-out files, the token scrubber, the body cap
/// and where clients reach the gateway. Immutable holder of thread-safe parts.
record GatewayContext(Workload workload, GatewayMetrics metrics, FileStore files, SecretScrubber scrubber,
                      long maxBody, URI publicUrl) {

    /// `http://host:port` as the client addressed us (or `gateway.public_url`), without a trailing slash.
    String baseUrl(Request request) {
        if (publicUrl != null) {
            String s = publicUrl.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
        HttpURI uri = request.getHttpURI();
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
