package io.quotacanvas.pipeline;

import io.quotacanvas.core.AttemptRecord;
import io.quotacanvas.core.ImageRequest;
import io.quotacanvas.provider.CallScope;
import java.util.List;

/// The prompt step that runs once per request before any image: optimisation and/or translation through
/// a provider's text model. Implementations are fail-open: on any failure they return the input text and
/// record the failed attempt.
@FunctionalInterface
public interface PromptPreparer {

    /// The text to send and the attempts spent getting it (prompt attempts use `step` `optimize`/`translate`).
    record PreparedPrompt(String text, List<AttemptRecord> attempts) {}

    /// Leaves the prompt as it is.
    PromptPreparer NONE = (request, plan, texts, listener, scope) -> new PreparedPrompt(request.prompt(), List.of());

    /// Prepares `request`'s prompt for `plan`. Text calls go through `texts`, the engine's attempt engine
    /// (its slots, cooling rules and health); `listener` and `scope` are the run's.
    PreparedPrompt prepare(ImageRequest request, RoutePlan plan, TextWalker texts, EngineListener listener,
                           CallScope scope);
}
