package io.quotacanvas.token;

import io.quotacanvas.config.AppConfig;
import io.quotacanvas.config.ConfiguredToken;
import io.quotacanvas.config.ProviderConfig;
import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;
import io.quotacanvas.core.Token;
import io.quotacanvas.token.vault.TokenVault;
import io.quotacanvas.token.vault.VaultEntry;
import io.quotacanvas.token.vault.VaultException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/// The pooled tokens of every provider, in rotation order, numbered for their labels (`gitee#1`, `gitee#2`…).
///
/// Per provider: config-file tokens, then environment tokens, then vault tokens, duplicates dropped by
/// value (the first source wins). Ordinals count every listed entry, disabled vault tokens included, so a
/// token keeps its label when another is disabled. Vault tokens whose value can't be read (keyring
/// unreachable) are left out.
///
/// Thread-safe. A pool built with a vault reads it on every call, so edits made by the app or another
/// process count from the next plan; if the vault becomes unreadable mid-session the last good reading is
/// kept (and a warning logged).
public final class TokenPool {
    private static final Logger LOG = Logger.getLogger(TokenPool.class.getName());

    private final AppConfig config;
    private final TokenVault vault;
    private final Map<ProviderId, List<VaultEntry>> lastGood = new ConcurrentHashMap<>();

    private TokenPool(AppConfig config, TokenVault vault) {
        this.config = config;
        this.vault = vault;
    }

    /// Config and environment tokens only.
    public static TokenPool fromConfig(AppConfig config) {
        return new TokenPool(config, null);
    }

    /// Config and environment tokens, then `vault`'s.
    public static TokenPool merged(AppConfig config, TokenVault vault) {
        return new TokenPool(config, vault);
    }

    /// The vault behind this pool, or null.
    public TokenVault vault() {
        return vault;
    }

    /// The provider's routable tokens in rotation order (never the anonymous pseudo-token nor disabled ones).
    public List<Token> tokens(ProviderId provider) {
        return entries(provider).stream().filter(PoolEntry::enabled).map(PoolEntry::token).toList();
    }

    /// Every token of the provider for listing, disabled vault tokens included, in rotation order.
    public List<PoolEntry> entries(ProviderId provider) {
        List<PoolEntry> out = new ArrayList<>();
        // Secret compares by value: duplicates are found without revealing a token outside HTTP auth
        Set<Secret> seen = new HashSet<>();
        ProviderConfig pc = config.providers().get(provider);
        if (pc != null) {
            for (ConfiguredToken t : pc.tokens()) {
                if (seen.add(t.secret())) {
                    out.add(new PoolEntry(new Token(provider, out.size() + 1, t.secret(), t.source()), null, true,
                            null, null));
                }
            }
        }
        for (VaultEntry e : vaultEntries(provider)) {
            Secret secret = e.secret();
            if (secret != null && seen.add(secret)) {
                out.add(new PoolEntry(new Token(provider, out.size() + 1, secret, "vault"), e.label(), e.enabled(),
                        e.id(), e.addedAt()));
            }
        }
        return List.copyOf(out);
    }

    private List<VaultEntry> vaultEntries(ProviderId provider) {
        if (vault == null) {
            return List.of();
        }
        try {
            List<VaultEntry> entries = vault.entries(provider);
            lastGood.put(provider, entries);
            return entries;
        } catch (VaultException e) {
            LOG.log(Level.WARNING, "token vault unreadable; using its last good reading: {0}", e.getMessage());
            return lastGood.getOrDefault(provider, List.of());
        }
    }
}
