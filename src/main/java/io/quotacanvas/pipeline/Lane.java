package io.quotacanvas.pipeline;

import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;
import java.util.List;

/// One provider's part of a job's walk: its models in order and its tokens in the job's rotation. The
/// keyless text endpoint is a lane too: `provider` and `config` are null and its one slot has no token.
/// Immutable.
record Lane(ProviderId provider, ProviderConfig config, List<ModelCandidate> models, List<Token> tokens) {

    boolean keyless() {
        return provider == null;
    }

    /// The provider's name for people and the chain (`keyless` for the keyless text endpoint).
    String name() {
        return ProviderId.nameOf(provider);
    }
}
