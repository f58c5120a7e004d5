package io.quotacanvas.token.vault;

import io.quotacanvas.core.ProviderId;
import io.quotacanvas.core.Secret;

/// Where the raw value of a vault entry lives: inline in the vault file, or in a system keyring with only
/// the entry's metadata in the file. Implementations are thread-safe.
interface SecretStore {

    /// The name written in each entry's `store` field (`file`, `secret-tool`).
    String name();

    /// Stores the secret of a new entry; returns what to keep in the file's `secret` field (the value
    /// itself for the file store, null when the keyring holds it).
    String put(String id, ProviderId provider, Secret secret);

    /// The secret of entry `id`; `inFile` is the entry's `secret` field (null for keyring entries).
    ///
    /// @throws VaultException when the value can't be read
    Secret get(String id, String inFile);

    /// Forgets the secret of entry `id` (nothing to do for the file store).
    void delete(String id);

    /// The store inside the vault file itself.
    SecretStore FILE = new SecretStore() {
        @Override
        public String name() {
            return "file";
        }

        @Override
        public String put(String id, ProviderId provider, Secret secret) {
            return secret.reveal();
        }

        @Override
        public Secret get(String id, String inFile) {
            if (inFile == null || inFile.isBlank()) {
                throw new VaultException("vault entry " + id + " has no value; remove it and add the token again");
            }
            return new Secret(inFile);
        }

        @Override
        public void delete(String id) {
        }
    };
}
