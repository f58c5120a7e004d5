package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.token.ledger.Ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/// Turns the token rows and state rows of one provider into [Ledger#entries] rows.
final class LedgerEntries {

    private LedgerEntries() {
    }

    /// `tokens`: one token-wide entry per fingerprint with `state` still unset, in display order;
    /// `states`: the `token_state` rows of each fingerprint.
    static List<LedgerEntry> assemble(Map<String, LedgerEntry> tokens, Map<String, List<StoredState>> states,
                                      long nowMs) {
        List<LedgerEntry> entries = new ArrayList<>(tokens.size());
        for (LedgerEntry token : tokens.values()) {
            List<StoredState> rows = states.getOrDefault(token.fingerprint(), List.of());
            List<StoredState> wide = rows.stream().filter(r -> r.model().isEmpty()).toList();
            entries.add(with(token, "", StoredState.resolve(wide, nowMs)));
            for (StoredState row : rows) {
                if (!row.model().isEmpty() && row.activeAt(nowMs)) {
                    List<StoredState> both = new ArrayList<>(wide);
                    both.add(row);
                    // the state the engine would see for this model, so an invalid token shows as such
                    entries.add(with(token, row.model(), StoredState.resolve(both, nowMs)));
                }
            }
        }
        return List.copyOf(entries);
    }

    private static LedgerEntry with(LedgerEntry token, String model, TokenState state) {
        return new LedgerEntry(token.fingerprint(), token.provider(), model, state, token.lastUsed(),
                token.imagesToday());
    }
}
