package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.ledger.Ledger;
import io.quotacanvas.token.QuotaStatus;
import io.quotacanvas.token.QuotaStatus.StatusReport;
import io.quotacanvas.token.TokenPool;
import io.quotacanvas.token.TokenState;
import io.quotacanvas.token.probe.ProbeResult;
import io.quotacanvas.token.probe.TokenTester;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.TokenVault.AddResult;
import io.quotacanvas.token.vault.VaultEntry;
import java.time.Clock;

/// The real [TokenManager]: the vault, ledger, quota status and probes the engine and the CLI share.
public final class CoreTokenManager implements TokenManager {
    private final TokenPool pool;
    private final TokenVault vault;
    private final Ledger ledger;
    private final QuotaStatus status;
    private final TokenTester tester;
    private final Clock clock;

    /// `pool` must be the engine's pool, built over `vault`, so edits route from the next plan.
    public CoreTokenManager(TokenPool pool, TokenVault vault, Ledger ledger, QuotaStatus status, TokenTester tester,
                            Clock clock) {
        this.pool = pool;
        this.vault = vault;
        this.ledger = ledger;
        this.status = status;
        this.tester = tester;
        this.clock = clock;
    }

    @Override
    public StatusReport report() {
        return status.report();
    }

    @Override
    public AddResult add(ProviderId provider, String pasted, String label) {
        AddResult result = vault.add(provider, TokenVault.split(pasted), label == null || label.isBlank() ? null
                : label.strip());
        for (VaultEntry e : result.added()) {
            if (e.secret() != null) {
                liftInvalid(new Token(provider, 0, e.secret(), "vault"));
            }
        }
        return result;
    }

    @Override
    public void remove(ProviderId provider, String vaultId) {
        vault.remove(provider, vaultId);
    }

    @Override
    public void rename(ProviderId provider, String vaultId, String label) {
        vault.rename(provider, vaultId, label == null || label.isBlank() ? null : label.strip());
    }

    @Override
    public void setEnabled(ProviderId provider, String vaultId, Token token, boolean enabled) {
        vault.setEnabled(provider, vaultId, enabled);
        if (enabled && token != null) {
            liftInvalid(token);
        }
    }

    @Override
    public void move(ProviderId provider, String vaultId, int delta) {
        // positions count the vault's own entries (config and environment tokens can't move)
        var ids = vault.entries(provider).stream().map(VaultEntry::id).toList();
        int at = ids.indexOf(vaultId);
        if (at >= 0) {
            vault.move(provider, vaultId, Math.max(0, at + delta));
        }
    }

    @Override
    public ProbeResult test(Token token) {
        return tester.test(token);
    }

    @Override
    public void clearCooling(Token token) {
        ledger.clear(token);
    }

    @Override
    public String protection() {
        return vault.protection();
    }

    /// The pool the engine routes over (for tests that check routing sees the edits).
    public TokenPool pool() {
        return pool;
    }

    private void liftInvalid(Token token) {
        // the ledger keys by fingerprint, so any Token with the same secret names the same row
        if (ledger.state(token, null, clock.instant()) instanceof TokenState.Invalid) {
            ledger.clear(token);
        }
    }
}
