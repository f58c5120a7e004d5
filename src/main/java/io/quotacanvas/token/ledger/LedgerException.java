package io.quotacanvas.token.ledger;

import io.quotacanvas.storage.StorageException;

/// The ledger can't be used: its file is unreadable, damaged, locked too long, on a full disk or of a newer
/// schema, or its database is unreachable.
///
/// The message is meant for people: it names the file (or the database URL, never with its password), says
/// what happened and what to do. It never contains a token (the ledger only ever sees fingerprints) nor
/// stack-trace text; the driver's error stays available as the cause for logs.
public final class LedgerException extends StorageException {

    public LedgerException(String message) {
        super(Kind.FAILED, message, null);
    }

    public LedgerException(String message, Throwable cause) {
        super(Kind.FAILED, message, cause);
    }

    public LedgerException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /// The same failure as a ledger failure (its kind, message and cause).
    static LedgerException of(StorageException e) {
        return e instanceof LedgerException l ? l : new LedgerException(e.kind(), e.getMessage(), e.getCause());
    }
}
