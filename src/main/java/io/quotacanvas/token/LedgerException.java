package io.quotacanvas.token;

/// Placeholder until the ledger lands.
public class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
