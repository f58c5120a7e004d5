package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;

/// One entry as written in the vault file. `secret` is the raw value when `store` is `file`, else null.
record StoredEntry(String id, ProviderId provider, String label, boolean enabled, Instant addedAt, String store,
                   String secret) {

    StoredEntry withLabel(String newLabel) {
        return new StoredEntry(id, provider, newLabel, enabled, addedAt, store, secret);
    }

    StoredEntry withEnabled(boolean on) {
        return new StoredEntry(id, provider, label, on, addedAt, store, secret);
    }

    @Override
    public String toString() {
        // never the secret, even in a debugger's or a log's view of the record
        return "StoredEntry[" + provider + " " + id + " " + store + (enabled ? "" : " disabled") + "]";
    }
}
