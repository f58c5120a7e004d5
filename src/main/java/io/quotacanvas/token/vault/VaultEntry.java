package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import java.time.Instant;
import java.util.Objects;

/// One token in the vault. `id` is a random, stable identifier (never derived from the value); `label` is
/// the name people gave it, or null; `secret` is null when it lives in a system keyring that can't be
/// reached right now (see [#unavailableReason]). `toString` never shows the raw value.
public record VaultEntry(String id, ProviderId provider, Secret secret, String label, boolean enabled,
                         Instant addedAt, String unavailableReason) {

    public VaultEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
    }

    /// True when the raw value could be read (and so the token can be routed).
    public boolean available() {
        return secret != null;
    }
}
