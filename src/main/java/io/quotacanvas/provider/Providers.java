package io.quotacanvas.provider;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ProviderId;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/// Builds the adapter of every provider this build supports, each on its own client derived from `base`.
public final class Providers {
    private Providers() {
    }

    public static Map<ProviderId, ImageProvider> create(AppConfig config, OkHttpClient base) {
        Map<ProviderId, ImageProvider> map = new EnumMap<>(ProviderId.class);
        return map;
    }
}
