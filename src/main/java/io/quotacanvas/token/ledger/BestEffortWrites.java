package io.quotacanvas.token.ledger;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.TokenState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/// A [Ledger] for the engine: writes that record what already happened (a success, a cooling, an invalid
/// token, quota figures, a lease given back) never throw, so a ledger that fails mid-run (a database that
/// went down, a full disk) can't lose an image that has already been generated: the failure is logged as a
/// warning and the run goes on. Reads and [#tryLease] still throw [LedgerException]: without them the
/// engine can't know whether a token may be used, so the image ends as a classified `storage_error` before
/// any request is sent.
///
/// Thread-safe when the wrapped ledger is. Closing it closes the wrapped ledger.
public final class BestEffortWrites implements Ledger {
    private static final Logger LOG = Logger.getLogger(BestEffortWrites.class.getName());

    private final Ledger inner;

    public BestEffortWrites(Ledger inner) {
        this.inner = inner;
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        return inner.state(token, model, now);
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message, Instant now) {
        attempt(() -> inner.cool(token, model, until, reason, message, now), "the cooling of " + token.label());
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
        attempt(() -> inner.invalidate(token, message, now), "that " + token.label() + " is invalid");
    }

    @Override
    public void markSuccess(Token token, String model, Instant now) {
        attempt(() -> inner.markSuccess(token, model, now), "the success of " + token.label());
    }

    @Override
    public void clear(Token token) {
        attempt(() -> inner.clear(token), "the clearing of " + token.label());
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        return inner.modelUnavailableUntil(provider, model, now);
    }

    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message, Instant now) {
        attempt(() -> inner.markModelUnavailable(provider, model, until, message, now),
                "that " + model + " is unavailable on " + provider.wireName());
    }

    @Override
    public void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
        attempt(() -> inner.recordQuota(token, model, quota, now), "the quota figures of " + token.label());
    }

    @Override
    public Optional<QuotaSnapshot> lastQuota(Token token, String model) {
        return inner.lastQuota(token, model);
    }

    @Override
    public List<LedgerEntry> entries(ProviderId provider, Instant now) {
        return inner.entries(provider, now);
    }

    @Override
    public Optional<Lease> tryLease(Token token, int limit, String holder, Instant now, Instant expires) {
        return inner.tryLease(token, limit, holder, now, expires);
    }

    /// Returns 0 when the heartbeat could not be written (the leases then expire by themselves).
    @Override
    public int renewLeases(String holder, Instant now, Instant expires) {
        int[] renewed = {0};
        attempt(() -> renewed[0] = inner.renewLeases(holder, now, expires), "the heartbeat of " + holder);
        return renewed[0];
    }

    @Override
    public void release(Lease lease) {
        attempt(() -> inner.release(lease), "the end of lease " + lease.id() + " (it expires by itself)");
    }

    @Override
    public int leasesInFlight(Token token, Instant now) {
        return inner.leasesInFlight(token, now);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }

    private static void attempt(Runnable write, String what) {
        try {
            write.run();
        } catch (LedgerException e) {
            LOG.log(Level.WARNING, "could not record " + what + ": " + e.getMessage(), e);
        }
    }
}
