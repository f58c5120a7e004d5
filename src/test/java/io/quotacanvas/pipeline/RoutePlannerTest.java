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
import org.junit.jupiter.api.Test;

class RoutePlannerTest {

    private final AppConfig config = TestConfigs.withTokens(
            List.of(ProviderId.GITEE, ProviderId.A4F, ProviderId.OPENAI_COMPATIBLE),
            ProviderId.GITEE, "g1-aaaaaaaaaaaa", ProviderId.A4F, "a1-aaaaaaaaaaaa",
            ProviderId.OPENAI_COMPATIBLE, "o1-aaaaaaaaaaaa");
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
