package io.quotacanvas.core;

import java.util.List;

/// What a newcomer needs to know about each provider's free tier: where a free token comes from, what it
/// gives and when it comes back (shared/reference/providers.md; where a provider publishes no figure, the
/// text says so rather than guessing). English, for the command line; the studio shows the same facts from
/// its message bundles (`guide.<provider>.*`), in English or Chinese.
///
/// `tokenUrl` is the site where the token is made (null: the person's own service) and `where` the page on
/// it; `freeQuota` and `reset` are one short phrase each. Immutable.
public record ProviderGuide(ProviderId provider, String tokenUrl, String where, String freeQuota, String reset) {

    /// What works with no token at all: Hugging Face's public Spaces, anonymously (ZeroGPU's anonymous quota).
    public static final String ANONYMOUS = "Hugging Face's public Spaces work without a token: about 2 minutes of"
            + " GPU time a day per IP address, shared with everyone behind it and often already used up; it comes"
            + " back 24 hours after its first use";

    private static final List<ProviderGuide> ALL = List.of(
            new ProviderGuide(ProviderId.HUGGINGFACE, "https://huggingface.co/settings/tokens", "Access Tokens",
                    "5 minutes of Spaces GPU time a day, plus small monthly credits",
                    "GPU time 24 hours after first use, credits monthly"),
            new ProviderGuide(ProviderId.MODELSCOPE, "https://modelscope.cn/my/myaccesstoken", "Access Token",
                    "about 2000 calls a day (usually 500 per model); the account needs Alibaba Cloud real-name"
                            + " verification",
                    "midnight Beijing time"),
            new ProviderGuide(ProviderId.GITEE, "https://ai.gitee.com", "settings, access tokens",
                    "trial calls on some models; no fixed image allowance is published",
                    "midnight Beijing time"),
            new ProviderGuide(ProviderId.A4F, "https://a4f.co", "dashboard, API keys",
                    "a free plan with per-minute and per-day request limits",
                    "midnight UTC"),
            new ProviderGuide(ProviderId.OPENAI_COMPATIBLE, null, "your service's own site",
                    "whatever the service gives; its address goes in providers.openai_compatible.base_url",
                    "midnight UTC unless the service says otherwise"));

    /// Every provider, the most generous free tiers first.
    public static List<ProviderGuide> all() {
        return ALL;
    }

    public static ProviderGuide of(ProviderId provider) {
        return ALL.stream().filter(g -> g.provider == provider).findFirst().orElseThrow();
    }

    /// "https://modelscope.cn/my/myaccesstoken (Access Token)", or `where` alone without a site.
    public String source() {
        return tokenUrl == null ? where : tokenUrl + " (" + where + ")";
    }
}
