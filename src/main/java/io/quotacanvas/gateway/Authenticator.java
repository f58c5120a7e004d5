package io.quotacanvas.gateway;

import io.quotacanvas.core.Secret;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/// Checks `Authorization: Bearer KEY` against the config's keys (held as SHA-256 digests, compared in
/// constant time) and the vault's hashed keys. Keys added to or removed from the vault while the gateway
/// runs count at once. With no key anywhere every request passes only when `keylessAllowed` (the gateway
/// listens on loopback); otherwise every request is refused — so removing the last key of a public gateway
/// closes it rather than opening it. Thread-safe.
final class Authenticator {
    private final List<byte[]> configured;
    private final ApiKeyVault vault;
    private final boolean keylessAllowed;

    Authenticator(List<Secret> configKeys, ApiKeyVault vault, boolean keylessAllowed) {
        this.configured = configKeys.stream().map(k -> sha256(k.reveal())).toList();
        this.vault = vault;
        this.keylessAllowed = keylessAllowed;
    }

    /// True when some key exists (so clients must present one).
    boolean hasKeys() {
        return !configured.isEmpty() || vault.hasKeys();
    }

    /// Whether a request with this `Authorization` header (null when absent) may proceed.
    boolean allows(String authorization) {
        if (!hasKeys()) {
            return keylessAllowed;
        }
        String key = bearer(authorization);
        if (key == null) {
            return false;
        }
        byte[] digest = sha256(key);
        boolean found = false;
        for (byte[] k : configured) {
            found |= MessageDigest.isEqual(k, digest);
        }
        return found || vault.match(key).isPresent();
    }

    private static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        if (h.length() < 7 || !h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String key = h.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
