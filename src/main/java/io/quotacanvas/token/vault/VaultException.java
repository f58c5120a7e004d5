package io.quotacanvas.token.vault;

/// The vault can't be used as asked: its file is unsafe or damaged, the keyring failed, or an entry is
/// missing. The message is for people (it says what to do) and never holds a raw token.
public final class VaultException extends RuntimeException {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
