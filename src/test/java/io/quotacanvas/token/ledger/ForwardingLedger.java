package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.QuotaSnapshot;
import io.quotacanvas.core.Token;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// A [Ledger] passing every call to another, for tests that change one answer.
public class ForwardingLedger implements Ledger {
    private final Ledger inner;

    public ForwardingLedger(Ledger inner) {
        this.inner = inner;
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        return inner.state(token, model, now);
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message, Instant now) {
        inner.cool(token, model, until, reason, message, now);
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
        inner.invalidate(token, message, now);
    }

    @Override
    public void markSuccess(Token token, String model, Instant now) {
        inner.markSuccess(token, model, now);
    }

    @Override
    public void clear(Token token) {
        inner.clear(token);
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        return inner.modelUnavailableUntil(provider, model, now);
    }

    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message, Instant now) {
        inner.markModelUnavailable(provider, model, until, message, now);
    }

    @Override
    public void recordQuota(Token token, String model, QuotaSnapshot quota, Instant now) {
        inner.recordQuota(token, model, quota, now);
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

    @Override
    public int renewLeases(String holder, Instant now, Instant expires) {
        return inner.renewLeases(holder, now, expires);
    }

    @Override
    public void release(Lease lease) {
        inner.release(lease);
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
}
