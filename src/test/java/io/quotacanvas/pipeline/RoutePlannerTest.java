package io.quotacanvas.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.testing.TestConfigs;
import io.quotacanvas.token.TokenPool;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {

    private final AppConfig config = TestConfigs.load("""
            routing: {provider_order: [gitee, a4f, openai_compatible]}
            providers: {openai_compatible: {base_url: "http://compatible.example/v1"}}
            """, Map.of("QUOTA_CANVAS_GITEE_TOKENS", "g1-aaaaaaaaaaaa", "QUOTA_CANVAS_A4F_TOKENS", "a1-aaaaaaaaaaaa",
            "QUOTA_CANVAS_OPENAI_COMPATIBLE_TOKENS", "o1-aaaaaaaaaaaa"));
    private final RoutePlanner planner = new RoutePlanner(config, TokenPool.fromConfig(config),
            EnumSet.of(ProviderId.GITEE, ProviderId.A4F, ProviderId.OPENAI_COMPATIBLE));

    @Test
    void autoFollowsTheConfiguredOrder() {
        RoutePlan plan = planner.plan(ImageRequest.of("x"));

        assertEquals(List.of(ProviderId.GITEE, ProviderId.A4F, ProviderId.OPENAI_COMPATIBLE),
                plan.routes().stream().map(RoutePlan.ProviderRoute::provider).toList());
    }

    @Test
    void aNamedProviderUsesOnlyThatOne() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withProvider(ProviderId.A4F));

        assertEquals(List.of(ProviderId.A4F), plan.routes().stream().map(RoutePlan.ProviderRoute::provider).toList());
    }

    @Test
    void modelCandidatesAreRequestedThenZImageTurboThenTheProviderDefault() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withModel("flux-2").withProvider(ProviderId.GITEE));

        assertEquals(List.of("flux-2", "z-image-turbo"),
                plan.routes().getFirst().models().stream().map(RoutePlan.ModelCandidate::canonical).toList());
        assertEquals("FLUX.2-dev", plan.routes().getFirst().models().getFirst().providerModel());
    }

    @Test
    void anExactModelRequestHasNoFallbackModels() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withModel("flux-2").withProvider(ProviderId.GITEE)
                .withExactModel(true));

        assertEquals(List.of("flux-2"), plan.routes().getFirst().models().stream().map(RoutePlan.ModelCandidate::canonical)
                .toList());
    }

    @Test
    void anExactModelNoProviderOffersLeavesNoRouteAndSaysWhy() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withModel("kolors").withProvider(ProviderId.GITEE)
                .withExactModel(true));

        assertTrue(plan.routes().isEmpty());
        assertEquals("model not offered by gitee", plan.skipped().getFirst().message());
    }

    @Test
    void unsupportedModelsAreSkippedAndShownOnce() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withProvider(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(List.of("qwen-image"), plan.routes().getFirst().models().stream()
                .map(RoutePlan.ModelCandidate::canonical).toList());
        List<AttemptRecord> skipped = plan.skipped();
        assertEquals(1, skipped.size(), skipped.toString());
        assertEquals("openai_compatible/z-image-turbo: skipped (model not offered by openai_compatible)",
                skipped.getFirst().chainEntry());
    }

    @Test
    void anOpenAiCompatibleServerGetsAModelIdNoProviderKnowsAsIs() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withModel("gpt-image-1")
                .withProvider(ProviderId.OPENAI_COMPATIBLE));

        assertEquals(List.of("gpt-image-1=gpt-image-1", "qwen-image=Qwen/Qwen-Image"),
                plan.routes().getFirst().models().stream().map(m -> m.canonical() + "=" + m.providerModel()).toList());
        // the chain's fallback z-image-turbo is a known canonical model this server's map lacks: skipped, not sent
        assertEquals(List.of("openai_compatible/z-image-turbo: skipped (model not offered by openai_compatible)"),
                plan.skipped().stream().map(AttemptRecord::chainEntry).toList());
    }

    @Test
    void anOpenAiCompatibleProviderWithoutABaseUrlIsSkippedNamingTheKeyToSet() {
        AppConfig noUrl = TestConfigs.withTokens(List.of(ProviderId.GITEE, ProviderId.OPENAI_COMPATIBLE),
                ProviderId.GITEE, "g1-aaaaaaaaaaaa", ProviderId.OPENAI_COMPATIBLE, "o1-aaaaaaaaaaaa");
        RoutePlanner p = new RoutePlanner(noUrl, TokenPool.fromConfig(noUrl), EnumSet.of(ProviderId.GITEE));

        RoutePlan plan = p.plan(ImageRequest.of("x"));

        assertEquals(List.of(ProviderId.GITEE), plan.routes().stream().map(RoutePlan.ProviderRoute::provider).toList());
        AttemptRecord skip = plan.skipped().stream().filter(r -> r.provider() == ProviderId.OPENAI_COMPATIBLE)
                .findFirst().orElseThrow();
        assertTrue(skip.message().startsWith("no base URL: set providers.openai_compatible.base_url"), skip.message());
        assertTrue(skip.message().contains("QUOTA_CANVAS_OPENAI_COMPATIBLE_URL"), skip.message());
    }

    @Test
    void aProviderNativeModelIdMapsBackToItsCanonicalName() {
        RoutePlan plan = planner.plan(ImageRequest.of("x").withModel("Qwen-Image").withProvider(ProviderId.GITEE));

        assertEquals("qwen-image", plan.routes().getFirst().models().getFirst().canonical());
    }

    @Test
    void providersWithoutTokensOrAdapterAreSkippedWithTheReason() {
        AppConfig noA4f = TestConfigs.withTokens(List.of(ProviderId.HUGGINGFACE, ProviderId.GITEE, ProviderId.A4F),
                ProviderId.GITEE, "g1-aaaaaaaaaaaa");
        RoutePlanner p = new RoutePlanner(noA4f, TokenPool.fromConfig(noA4f),
                EnumSet.of(ProviderId.GITEE, ProviderId.A4F));

        RoutePlan plan = p.plan(ImageRequest.of("x"));

        assertEquals(List.of(ProviderId.GITEE), plan.routes().stream().map(RoutePlan.ProviderRoute::provider).toList());
        assertTrue(plan.skipped().stream().anyMatch(s -> s.provider() == ProviderId.HUGGINGFACE
                && s.message().equals("not supported by this version")), plan.skipped().toString());
        assertTrue(plan.skipped().stream().anyMatch(s -> s.provider() == ProviderId.A4F
                && s.message().equals("no tokens configured")), plan.skipped().toString());
    }

    @Test
    void theStartProviderRotatesPerImageInAutoMode() {
        RoutePlan plan = planner.plan(ImageRequest.of("x"));

        assertEquals(ProviderId.GITEE, plan.routesFor(0).getFirst().provider());
        assertEquals(ProviderId.A4F, plan.routesFor(1).getFirst().provider());
        assertEquals(ProviderId.OPENAI_COMPATIBLE, plan.routesFor(2).getFirst().provider());
        assertEquals(ProviderId.GITEE, plan.routesFor(3).getFirst().provider());
        assertEquals(3, plan.routesFor(1).size());
    }
}
