package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/// Persistent memory of what each token has left, keyed by fingerprint (never the raw token).
///
/// Implementations are thread-safe and safe to share between processes (the GUI and several CLI runs use
/// one SQLite ledger at once; any number of installs share one PostgreSQL ledger). Every time comes from the
/// caller (`now`, `until`, `expires`): no method reads the system clock, so tests can move time and all
/// processes sharing a ledger agree on what their own clocks say. Failures of the store become
/// [LedgerException]; calls after [#close()] throw [IllegalStateException].
public interface Ledger extends AutoCloseable {

    /// The token's state for `model` at `now`: the token-wide state, or a token × model cooling,
    /// whichever blocks longer. Coolings whose instant has passed read as ready.
    TokenState state(Token token, String model, Instant now);

    /// Cools a token until `until`. `model` null cools the whole token; otherwise only token × model.
    /// A cooling already lasting longer is kept (an update never shortens a cooling), and an invalid
    /// token stays invalid.
    void cool(Token token, String model, Instant until, FailureClass reason, String message, Instant now);

    /// Marks a token invalid (auth failed) until it changes or [#markSuccess] clears it.
    void invalidate(Token token, String message, Instant now);

    /// A request with this token succeeded: clears invalid/cooling and counts an image for today.
    void markSuccess(Token token, String model, Instant now);

    /// Clears any cooling or invalid mark (the token manager's "clear cooling").
    void clear(Token token);

    /// When `model` on `provider` comes back, if it is currently marked unavailable.
    Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now);

    /// Marks `model` unavailable on `provider` until `until`; a later mark already present is kept.
    void markModelUnavailable(ProviderId provider, String model, Instant until, String message, Instant now);

    /// Keeps the provider's last remaining-quota figures for a token × model (ModelScope headers), so
    /// status views can show them. Figures recorded with an earlier `now` never replace later ones.
    void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now);

    /// The last figures [#recordQuota] kept for a token × model, if any.
    Optional<QuotaSnapshot> lastQuota(Token token, String model);

    /// Every entry the ledger holds for a provider (for status views).
    List<LedgerEntry> entries(ProviderId provider, Instant now);

    /// Takes one of `limit` in-flight slots of `token` for `holder` (a per-process id, see
    /// [#newHolderId()]) until `expires`, or returns empty when `limit` unexpired leases of the token exist
    /// already (any holder). Leases expired at `now` don't count, so a crashed process frees its slots by
    /// itself. The check and the insert are one atomic step across every process sharing the ledger: two
    /// of them can never both take the last slot.
    ///
    /// @throws IllegalArgumentException if `limit` < 1 or `expires` is not after `now`
    Optional<Lease> tryLease(Token token, int limit, String holder, Instant now, Instant expires);

    /// Pushes the expiry of every lease of `holder` still live at `now` to `expires` (a heartbeat) and
    /// returns how many there were. A lease that already expired is not revived: its slot may be taken.
    int renewLeases(String holder, Instant now, Instant expires);

    /// Gives a lease back; idempotent (releasing twice, or an expired lease, does nothing).
    void release(Lease lease);

    /// How many unexpired leases `token` has at `now` (for status views and tests).
    int leasesInFlight(Token token, Instant now);

    /// A short description of where the ledger lives, for status views: the SQLite file, or the
    /// PostgreSQL URL without its password.
    String describe();

    @Override
    void close();

    /// A fresh holder id for this process's leases: the process id plus a random part, so two processes
    /// never share one even across machines or after pid reuse.
    static String newHolderId() {
        return ProcessHandle.current().pid() + "-" + Long.toString(ThreadLocalRandom.current().nextLong()
                & Long.MAX_VALUE, 36);
    }

    /// One row of [#entries]: `model` is empty for token-wide state.
    record LedgerEntry(String fingerprint, ProviderId provider, String model, TokenState state, Instant lastUsed,
                       int imagesToday) {}

    /// One in-flight slot of the token with this `fingerprint`, held by `holder` until `expires` (or until
    /// released). `id` is unique within the ledger and never reused.
    record Lease(long id, String fingerprint, String holder, Instant expires) {
        public Lease {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(holder, "holder");
            Objects.requireNonNull(expires, "expires");
        }
    }
}
