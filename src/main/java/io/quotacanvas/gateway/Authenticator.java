package io.quotacanvas.gateway;

import io.quotacanvas.core.Secret;
import io.quotacanvas.token.vault.ApiKeyVault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/// Checks `Authorization: Bearer KEY` against the config's keys (held as SHA-256 digests, compared in
/// constant time) and the vault's hashed keys. With no key anywhere, every request passes: the server only
/// starts like that on loopback. Keys added to the vault while the gateway runs count at once. Thread-safe.
final class Authenticator {
    private final List<byte[]> configured;
    private final ApiKeyVault vault;

    Authenticator(List<Secret> configKeys, ApiKeyVault vault) {
        this.configured = configKeys.stream().map(k -> sha256(k.reveal())).toList();
        this.vault = vault;
    }

    /// True when clients must present a key.
    boolean required() {
        return !configured.isEmpty() || vault.hasKeys();
    }

    /// Whether a request with this `Authorization` header (null when absent) may proceed.
    boolean allows(String authorization) {
        if (!required()) {
            return true;
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
