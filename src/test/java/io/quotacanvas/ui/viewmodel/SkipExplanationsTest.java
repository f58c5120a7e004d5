package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.core.AttemptOutcome;
import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.AttemptStep;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.pipeline.EngineEvent;
import io.quotacanvas.ui.I18n;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/// A skipped row of the chain says why, and what to do, in plain words.
class SkipExplanationsTest {
    private final I18n en = new I18n(Locale.ENGLISH);
    private final I18n zh = new I18n(Locale.SIMPLIFIED_CHINESE);

    private static ChainRow skipped(ProviderId provider, String model, String reason) {
        return ChainRow.of(new AttemptRecord(AttemptStep.SKIP, provider, model, null, AttemptOutcome.SKIPPED, 0, reason, 0, null));
    }

    @Test
    void aProviderWithoutTokensSaysWhereAFreeOneComesFrom() {
        ChainRow row = skipped(ProviderId.GITEE, "z-image-turbo", "no tokens configured");
        assertEquals("No gitee token, so gitee was skipped. Add a free one under Tokens: https://ai.gitee.com",
                SkipExplanations.explain(row, en));
        assertEquals("没有 gitee 令牌，因此跳过了 gitee。可在“令牌”中添加一个免费令牌：https://ai.gitee.com",
                SkipExplanations.explain(row, zh));
    }

    @Test
    void everyReasonTheEngineGivesHasItsOwnWords() {
        assertEquals("a4f is switched off in the config file (providers.a4f.enabled), so it was skipped.",
                SkipExplanations.explain(skipped(ProviderId.A4F, "z-image-turbo", "disabled in config"), en));
        assertEquals("a4f doesn't offer kolors; the next model was tried.",
                SkipExplanations.explain(skipped(ProviderId.A4F, "kolors", "model not offered by a4f"), en));
        assertEquals("This token is resting (quota used up); the next one was tried.",
                SkipExplanations.explain(skipped(ProviderId.GITEE, "z-image-turbo", "cooling (quota_exhausted)"), en));
        assertEquals("This token was rejected before; fix it or test it again under Tokens.",
                SkipExplanations.explain(skipped(ProviderId.GITEE, "z-image-turbo", "invalid: 401 Unauthorized"), en));
        assertEquals("gitee kept failing, so it is skipped for a while; the next provider was tried.", SkipExplanations
                .explain(skipped(ProviderId.GITEE, "z-image-turbo", "provider down after repeated failures"), en));
        assertEquals("something new", SkipExplanations.explain(skipped(ProviderId.GITEE, "m", "something new"), en),
                "a reason it doesn't know is shown as the engine gave it");
    }

    @Test
    void thePlansSkipsAppearInEveryImagesLiveChain() {
        BatchRun batch = new BatchRun(1, "a fox", 2);
        AttemptRecord skip = new AttemptRecord(AttemptStep.SKIP, ProviderId.MODELSCOPE, "z-image-turbo", null,
                AttemptOutcome.SKIPPED, 0, "no tokens configured", 0, null);
        batch.apply(new EngineEvent.CandidateSkipped(-1, skip));
        assertEquals(ChainRow.of(skip), batch.chain(0).getFirst());
        assertEquals(ChainRow.of(skip), batch.chain(1).getFirst());
    }
}
