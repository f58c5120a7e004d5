package io.quotacanvas.provider;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.a4f.A4fProvider;
import io.quotacanvas.provider.gitee.GiteeProvider;
import io.quotacanvas.provider.openai.OpenAiCompatibleProvider;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/// Builds the adapter of every provider this build supports, each on its own client derived from `base`.
/// Providers missing here are planned as "not supported by this version".
public final class Providers {
    private Providers() {
    }

    public static Map<ProviderId, ImageProvider> create(AppConfig config, OkHttpClient base) {
        Map<ProviderId, ImageProvider> map = new EnumMap<>(ProviderId.class);
        map.put(ProviderId.GITEE, new GiteeProvider(config.provider(ProviderId.GITEE), base));
        map.put(ProviderId.A4F, new A4fProvider(config.provider(ProviderId.A4F), base));
        map.put(ProviderId.OPENAI_COMPATIBLE,
                new OpenAiCompatibleProvider(config.provider(ProviderId.OPENAI_COMPATIBLE), base));
        return map;
    }
}
