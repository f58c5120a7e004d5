package io.quotacanvas.token;

import io.quotacanvas.core.FailureClass;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/// The ledger in an SQLite file (WAL mode, busy timeout) so the GUI and CLI processes can share it.
/// (Skeleton: filled in by the ledger work.)
public final class SqliteLedger implements Ledger {

    public SqliteLedger(Path dbFile) {
    }

    @Override
    public TokenState state(Token token, String model, Instant now) {
        return TokenState.READY;
    }

    @Override
    public void cool(Token token, String model, Instant until, FailureClass reason, String message) {
    }

    @Override
    public void invalidate(Token token, String message, Instant now) {
    }

    @Override
    public void markSuccess(Token token, String model, Instant now) {
    }

    @Override
    public void clear(Token token) {
    }

    @Override
    public Optional<Instant> modelUnavailableUntil(ProviderId provider, String model, Instant now) {
        return Optional.empty();
    }

    @Override
    public void markModelUnavailable(ProviderId provider, String model, Instant until, String message) {
    }

    @Override
    public List<LedgerEntry> entries(ProviderId provider, Instant now) {
        return List.of();
    }

    @Override
    public void close() {
    }
}
