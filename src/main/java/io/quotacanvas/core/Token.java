package io.quotacanvas.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/// One pooled credential of a provider, or the anonymous pseudo-token (`secret` null) for providers
/// that also serve without one (Hugging Face public Spaces).
///
/// `ordinal` is 1-based within its provider and only feeds the label. `source` says where the token came
/// from (`config`, `env:QUOTA_CANVAS_GITEE_TOKENS`, `vault`). The fingerprint and label are safe to store
/// and show; the raw value is not.
public record Token(ProviderId provider, int ordinal, Secret secret, String source) {

    public Token {
        Objects.requireNonNull(provider, "provider");
    }

    public static Token anonymous(ProviderId provider) {
        return new Token(provider, 0, null, "anonymous");
    }

    public boolean isAnonymous() {
        return secret == null;
    }

    /// Stable, non-reversible key for the ledger: SHA-256 of provider and value, 24 hex characters.
    public String fingerprint() {
        if (isAnonymous()) {
            return provider.wireName() + ":anonymous";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(provider.wireName().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /// Masked label for people: `gitee#2 …9f3a`, or `hf anonymous`.
    public String label() {
        if (isAnonymous()) {
            return provider.labelPrefix() + " anonymous";
        }
        return provider.labelPrefix() + "#" + ordinal + " " + secret.masked();
    }

    @Override
    public String toString() {
        return label();
    }
}
