package io.quotacanvas.token;

import io.quotacanvas.core.Token;
import java.time.Instant;

/// One row of the token manager: a pooled [Token] (masked label, source, fingerprint) with what the vault
/// knows of it. `name` is the people-given name or null; `vaultId` is null for config and environment
/// tokens, which are read-only here; `addedAt` is null outside the vault. Disabled entries are listed but
/// not routed.
public record PoolEntry(Token token, String name, boolean enabled, String vaultId, Instant addedAt) {

    /// True for vault tokens, which the app and the CLI may rename, reorder, disable and remove.
    public boolean editable() {
        return vaultId != null;
    }

    /// Where to change a read-only token, for messages: "the config file" or "the environment variable X".
    public String origin() {
        String source = token.source();
        if (source != null && source.startsWith("env:")) {
            return "the environment variable " + source.substring(4);
        }
        return editable() ? "the token vault" : "the config file";
    }
}
