package io.quotacanvas.token.vault;

import io.quotacanvas.config.GatewayConfig;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/// The gateway's API keys kept in the config folder (`gateway-keys.json`, owner-only), hashed: each key is
/// stored as HMAC-SHA-256 under its own random salt, so the file never holds a usable key, and a presented key
/// is compared with every entry in constant time. Generated keys carry 256 random bits (`qc_` + 43 base64url
/// characters), which is what makes a fast hash safe here; keys people bring must be
/// [GatewayConfig#MIN_KEY_LENGTH] characters or more, as in the config.
///
/// Thread-safe and shared between processes: every call reads the file afresh, except [#match], which
/// re-reads it only when the file changed (so `gateway keys add` takes effect in a running gateway at once).
public final class ApiKeyVault {
    private static final String PREFIX = "qc_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyFile file;
    private final Clock clock;
    private volatile ApiKeyFile.Snapshot cached;

    public ApiKeyVault(Path configDir, Clock clock) {
        this.file = new ApiKeyFile(configDir.resolve(ApiKeyFile.NAME));
        this.clock = clock;
    }

    /// A new key made of 32 random bytes; the returned value is the only time it exists outside the client.
    public record Generated(ApiKeyEntry entry, String key) {
        @Override
        public String toString() {
            return "Generated[" + entry + "]";
        }
    }

    /// Where the hashes are kept.
    public Path path() {
        return file.path();
    }

    public List<ApiKeyEntry> list() {
        return file.read().keys().stream().map(ApiKeyFile.Stored::entry).toList();
    }

    /// Makes, stores (hashed) and returns a new random key.
    public Generated generate(String label) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new Generated(add(key, label), key);
    }

    /// Stores `key` (hashed) with an optional label.
    ///
    /// @throws IllegalArgumentException when the key is too short or holds whitespace
    /// @throws VaultException when the key is already stored, or the file can't be used
    public ApiKeyEntry add(String key, String label) {
        String value = key == null ? "" : key.strip();
        if (value.length() < GatewayConfig.MIN_KEY_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a gateway key must be at least " + GatewayConfig.MIN_KEY_LENGTH
                    + " characters with no spaces");
        }
        String name = label == null || label.isBlank() ? null : label.strip();
        List<ApiKeyEntry> added = new ArrayList<>();
        file.update(keys -> {
            if (keys.stream().anyMatch(k -> matches(k, value))) {
                throw new VaultException("that key is already stored");
            }
            if (name != null && keys.stream().anyMatch(k -> name.equals(k.entry().label()))) {
                throw new VaultException("a key is already labelled '" + name + "'; pick another label");
            }
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            ApiKeyEntry entry = new ApiKeyEntry(newId(), name, PREFIX.equals(value.substring(0, 3))
                    ? PREFIX + "…" + value.substring(value.length() - 4) : "…" + value.substring(value.length() - 4),
                    clock.instant());
            keys.add(new ApiKeyFile.Stored(entry, salt, hmac(salt, value)));
            added.add(entry);
            return keys;
        });
        return added.getFirst();
    }

    /// Removes the key with this id or label; empty when none has it.
    public Optional<ApiKeyEntry> remove(String idOrLabel) {
        List<ApiKeyEntry> removed = new ArrayList<>();
        file.update(keys -> {
            for (int i = 0; i < keys.size(); i++) {
                ApiKeyEntry e = keys.get(i).entry();
                if (e.id().equals(idOrLabel) || idOrLabel.equals(e.label())) {
                    removed.add(keys.remove(i).entry());
                    break;
                }
            }
            return keys;
        });
        return removed.stream().findFirst();
    }

    /// The stored key `presented` is, if any. Checks every entry (no early exit) in constant time each.
    public Optional<ApiKeyEntry> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        ApiKeyFile.Snapshot snapshot = current();
        ApiKeyEntry found = null;
        for (ApiKeyFile.Stored k : snapshot.keys()) {
            if (matches(k, presented) && found == null) {
                found = k.entry();
            }
        }
        return Optional.ofNullable(found);
    }

    /// True when at least one key is stored.
    public boolean hasKeys() {
        return !current().keys().isEmpty();
    }

    private ApiKeyFile.Snapshot current() {
        ApiKeyFile.Snapshot last = cached;
        if (last == null || !java.util.Objects.equals(last.identity(), file.identity())) {
            last = file.read();
            cached = last;
        }
        return last;
    }

    private static boolean matches(ApiKeyFile.Stored k, String presented) {
        return MessageDigest.isEqual(k.hash(), hmac(k.salt(), presented));
    }

    static byte[] hmac(byte[] salt, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return mac.doFinal(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static String newId() {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return "key_" + HexFormat.of().formatHex(id);
    }
}
