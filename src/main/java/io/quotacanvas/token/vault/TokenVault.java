package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import java.util.ArrayList;
import java.util.List;

/// The tokens people added in the app or with `quota-canvas tokens add`: per provider an ordered list
/// (order = rotation order) of entries with an optional name, an enabled flag and the instant they were added.
///
/// Every call reads the stored state afresh, so the desktop app and any number of CLI runs share one vault
/// and each sees the others' edits on its next call. Implementations are thread-safe; mutations are
/// serialised across processes. Failures (an unreadable or unsafe file, a keyring error) throw
/// [VaultException] with a message for people that never contains a raw token.
public interface TokenVault {

    /// The provider's entries in rotation order, disabled ones included.
    List<VaultEntry> entries(ProviderId provider);

    /// Adds `values` (raw tokens) at the end of the provider's list, in order. Blank values, values already
    /// in the vault for this provider and repeats within `values` are dropped. `label` (nullable) names a
    /// single added token; several get `label 1`, `label 2`…
    AddResult add(ProviderId provider, List<String> values, String label);

    /// Removes an entry (and its keyring secret); false when no entry has that id.
    boolean remove(ProviderId provider, String id);

    /// Sets or clears (null/blank) the people-given name of an entry.
    void rename(ProviderId provider, String id, String label);

    /// Takes an entry out of rotation (still listed) or puts it back.
    void setEnabled(ProviderId provider, String id, boolean enabled);

    /// Moves an entry to `index` (0-based, clamped) in the provider's rotation order.
    void move(ProviderId provider, String id, int index);

    /// Reads the stored state once, throwing what any later call would (an unsafe or damaged file).
    void check();

    /// Where the secrets are kept and what protects them, in one sentence for people.
    String protection();

    /// What [#add] did: the entries it added and how many values it dropped as blank or duplicate.
    record AddResult(List<VaultEntry> added, int dropped) {}

    /// Splits pasted text into tokens: newline- or comma-separated, trimmed, blanks dropped (duplicates kept;
    /// [#add] drops them).
    static List<String> split(String pasted) {
        List<String> values = new ArrayList<>();
        if (pasted == null) {
            return values;
        }
        for (String item : pasted.split("[,\\r\\n]")) {
            if (!item.isBlank()) {
                values.add(item.strip());
            }
        }
        return values;
    }
}
