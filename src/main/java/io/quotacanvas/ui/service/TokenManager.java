package io.quotacanvas.ui.service;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.QuotaStatus.StatusReport;
import io.quotacanvas.token.probe.ProbeResult;
import io.quotacanvas.token.vault.TokenVault.AddResult;

/// What the token manager needs from the core: the vault's edits, the ledger's "clear cooling", token
/// probes and the quota picture. Vault ids identify editable rows; [Token]s identify any pooled one.
///
/// Every method may block (disk, keyring, network for [#test]): call them through the task service only.
/// Edits reach the engine's next plan (the pool reads the vault on every plan). Failures throw
/// `VaultException` or `LedgerException` with messages that never hold a raw token. Thread-safe.
public interface TokenManager {

    /// Every provider's tokens, models and anonymous availability, read afresh.
    StatusReport report();

    /// Adds pasted tokens (newline- or comma-separated; blanks and duplicates dropped) at the end of the
    /// provider's rotation; `label` (nullable) names them. A token added again loses its invalid mark.
    AddResult add(ProviderId provider, String pasted, String label);

    void remove(ProviderId provider, String vaultId);

    /// Sets or clears (blank) an entry's name.
    void rename(ProviderId provider, String vaultId, String label);

    /// Takes a token out of rotation or puts it back (which also lifts an invalid mark: people re-enable a
    /// token they fixed).
    void setEnabled(ProviderId provider, String vaultId, Token token, boolean enabled);

    /// Moves an entry `delta` places in the provider's rotation (negative: earlier, so it is tried sooner).
    void move(ProviderId provider, String vaultId, int delta);

    /// Runs the token's free probe (network) and records the verdict in the ledger.
    ProbeResult test(Token token);

    /// Clears the token's cooling and invalid marks.
    void clearCooling(Token token);

    /// Where the vault keeps secrets, in one sentence (English, from the core).
    String protection();
}
