package io.quotacanvas.pipeline;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.ledger.Ledger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/// The ledger as one dispatcher pass sees it: each token × model state and model mark is read once per pass
/// (a pass asks the same question for every waiting job). Passes make no ledger writes; a new pass
/// sees what the attempts finished since have written.
final class LedgerView {
    private final Ledger ledger;
    private final Instant now;
    private final Map<String, TokenState> states = new HashMap<>();
    private final Map<String, Optional<Instant>> models = new HashMap<>();

    LedgerView(Ledger ledger, Instant now) {
        this.ledger = ledger;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    TokenState state(Token token, String model) {
        return states.computeIfAbsent(token.fingerprint() + "|" + model, k -> ledger.state(token, model, now));
    }

    Optional<Instant> modelUnavailableUntil(ProviderId provider, String model) {
        return models.computeIfAbsent(provider.wireName() + "|" + model,
                k -> ledger.modelUnavailableUntil(provider, model, now));
    }
}
