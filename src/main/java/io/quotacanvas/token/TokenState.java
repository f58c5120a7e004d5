package io.quotacanvas.token;

import io.quotacanvas.core.FailureClass;
import java.time.Instant;

/// What the ledger knows of a token (for a model) at one instant.
public sealed interface TokenState {

    record Ready() implements TokenState {}

    /// Spent or rate-limited until `until`; `reason` is the failure that cooled it.
    record Cooling(Instant until, FailureClass reason, String message) implements TokenState {}

    /// Rejected by its provider (auth); stays invalid until the token changes or a test succeeds.
    record Invalid(String message, Instant since) implements TokenState {}

    TokenState READY = new Ready();

    default boolean usable() {
        return this instanceof Ready;
    }
}
