package io.quotacanvas.pipeline;

import io.quotacanvas.core.Token;
import io.quotacanvas.pipeline.RoutePlan.ModelCandidate;

/// Where one attempt goes: the job's `laneIndex`-th lane, a model on it and a token (null on the keyless
/// lane). Immutable.
record Candidate(int laneIndex, Lane lane, ModelCandidate model, Token token) {

    String tokenLabel() {
        return token == null ? null : token.label();
    }

    /// The key of what a job has tried: this model with this token on this lane.
    String triedKey() {
        return laneIndex + "|" + model.canonical() + "|" + (token == null ? "-" : token.fingerprint());
    }
}
