package io.quotacanvas;

import io.quotacanvas.provider.ImageProvider;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.provider.a4f.A4fProvider;
import io.quotacanvas.provider.gitee.GiteeProvider;
import io.quotacanvas.provider.huggingface.HuggingFaceProvider;
import io.quotacanvas.provider.modelscope.ModelScopeProvider;
import io.quotacanvas.provider.openai.OpenAiCompatibleProvider;
import java.util.EnumMap;
import java.util.Map;
import okhttp3.OkHttpClient;

/// Builds the adapter of every provider that can be called, each on its own client derived from `base`.
public final class Providers {
    private Providers() {
    }

    public static Map<ProviderId, ImageProvider> create(AppConfig config, OkHttpClient base) {
        Map<ProviderId, ImageProvider> map = new EnumMap<>(ProviderId.class);
        map.put(ProviderId.HUGGINGFACE, new HuggingFaceProvider(config.provider(ProviderId.HUGGINGFACE), base));
        map.put(ProviderId.GITEE, new GiteeProvider(config.provider(ProviderId.GITEE), base));
        map.put(ProviderId.MODELSCOPE, new ModelScopeProvider(config.provider(ProviderId.MODELSCOPE), base));
        map.put(ProviderId.A4F, new A4fProvider(config.provider(ProviderId.A4F), base));
        ProviderConfig openAi = config.provider(ProviderId.OPENAI_COMPATIBLE);
        // no default host: without a base URL there is nothing to call (the planner says why)
        if (openAi.setupProblem() == null) {
            map.put(ProviderId.OPENAI_COMPATIBLE, new OpenAiCompatibleProvider(openAi, base));
        }
        return map;
    }
}
