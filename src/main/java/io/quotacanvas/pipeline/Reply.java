package io.quotacanvas.pipeline;

import io.quotacanvas.core.Outcome;
import io.quotacanvas.core.QuotaSnapshot;

/// What one call came to, for any kind of job: the provider's answer (an [Outcome.Success] for an image,
/// the cleaned text for prompt work) or exactly one failure.
sealed interface Reply {

    /// `quota` is what the provider said of the token's remaining quota, or null.
    record Answer(Object value, int httpStatus, QuotaSnapshot quota) implements Reply {}

    record Failed(Outcome.Failure failure) implements Reply {}

    /// A failure that is not the provider's: an answer we can't use (a text model's refusal, say) or a bug of
    /// ours. It is recorded with its class, and the job moves to its next lane without a retry and without
    /// changing the provider's health.
    record Unusable(Outcome.Failure failure) implements Reply {}
}
