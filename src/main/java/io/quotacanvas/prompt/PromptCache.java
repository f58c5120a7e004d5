package io.quotacanvas.prompt;

import io.quotacanvas.core.ProviderId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/// Remembers what a text model made of a prompt, so repeating a prompt (a batch, a re-run, the studio's
/// "again") spends no LLM call.
///
/// Implementations are thread-safe and never throw for storage trouble: a cache that cannot read is a
/// miss, one that cannot write forgets.
public interface PromptCache extends AutoCloseable {

    /// What an answer depends on: the step, the provider (null: the keyless endpoint) and its text model,
    /// the system prompt and the input text. Only hashes of the two texts are ever stored.
    record Key(PromptStep step, ProviderId provider, String textModel, String systemPrompt, String text) {
        public Key {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(textModel, "textModel");
            Objects.requireNonNull(text, "text");
            systemPrompt = systemPrompt == null ? "" : systemPrompt;
        }

        /// The provider's name as stored: its wire name, or `keyless`.
        public String providerName() {
            return ProviderId.nameOf(provider);
        }

        public String textSha256() {
            return sha256(text);
        }

        public String systemSha256() {
            return sha256(systemPrompt);
        }

        private static String sha256(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }
    }

    /// Remembers nothing.
    PromptCache NONE = new PromptCache() {
        @Override
        public Optional<String> get(Key key) {
            return Optional.empty();
        }

        @Override
        public void put(Key key, String result) {
        }
    };

    /// The remembered answer for `key`, or empty.
    Optional<String> get(Key key);

    /// Remembers `result` for `key`, replacing an older answer.
    void put(Key key, String result);

    @Override
    default void close() {
    }
}
