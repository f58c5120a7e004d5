package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// Persistent memory of what each token has left, keyed by fingerprint (never the raw token).
///
/// Implementations are thread-safe and safe to share between processes (the GUI and several CLI runs
/// use one ledger at once). Every method takes `now` so tests can move time.
public interface Ledger extends AutoCloseable {

    /// The token's state for `model` at `now`: the token-wide state, or a token × model cooling,
    /// whichever blocks longer. Coolings whose instant has passed read as ready.
    TokenState state(Token token, String model, Instant now);

    /// Cools a token until `until`. `model` null cools the whole token; otherwise only token × model.
    void cool(Token token, String model, Instant until, FailureClass reason, String message);

    /// Marks a token invalid (auth failed) until it changes or [#markSuccess] clears it.
    void invalidate(Token token, String message, Instant now);

    /// A request with this token succeeded: clears invalid/cooling and counts an image for today.
    void markSuccess(Token token, String model, Instant now);

    /// Clears any cooling or invalid mark (the token manager's "clear cooling").
    void clear(Token token);

    /// When `model` on `provider` comes back, if it is currently marked unavailable.
    Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now);

    void markModelUnavailable(ProviderId provider, String model, Instant until, String message);

    /// Keeps the provider's last remaining-quota figures for a token × model (ModelScope headers), so
    /// status views can show them. The default keeps nothing.
    default void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
    }

    /// The last figures [#recordQuota] kept for a token × model, if any.
    default Optional<QuotaSnapshot> lastQuota(Token token, String model) {
        return Optional.empty();
    }

    /// Every entry the ledger holds for a provider (for status views).
    List<LedgerEntry> entries(ProviderId provider, Instant now);

    @Override
    void close();

    /// One row of [#entries]: `model` is empty for token-wide state.
    record LedgerEntry(String fingerprint, ProviderId provider, String model, TokenState state, Instant lastUsed,
                       int imagesToday) {}
}
