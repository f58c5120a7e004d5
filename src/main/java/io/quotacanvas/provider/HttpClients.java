package io.quotacanvas.provider;

import okhttp3.OkHttpClient;

/// Placeholder until the provider HTTP layer lands.
public final class HttpClients {
    private HttpClients() {
    }

    public static OkHttpClient base() {
        return new OkHttpClient();
    }

    public static void shutdown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
