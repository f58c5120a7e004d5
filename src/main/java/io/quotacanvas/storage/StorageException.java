package io.quotacanvas.storage;

import java.util.Objects;

/// A place Quota Canvas keeps its state in (an SQLite file, a PostgreSQL database) can't be used.
///
/// The message is meant for people: it says where (a file path, or a database URL without its password),
/// what happened and what to do. It never holds a token (stores only ever see fingerprints), a password
/// or stack-trace text; the driver's exception stays available as the cause for logs.
public class StorageException extends RuntimeException {

    /// What went wrong, for callers that react differently (retry later, tell people to move a file…).
    public enum Kind {
        /// The database server can't be reached, didn't answer in time, or went away.
        UNREACHABLE,
        /// The database refused the login, or the user may not use the ledger's tables.
        ACCESS_DENIED,
        /// Another process held a lock for longer than we wait.
        BUSY,
        /// The file is not a database of ours or is corrupt.
        DAMAGED,
        /// Written by a newer Quota Canvas.
        NEWER_SCHEMA,
        /// The file or folder can't be opened or written.
        NOT_WRITABLE,
        DISK_FULL,
        IO_ERROR,
        /// Anything else.
        FAILED
    }

    private final Kind kind;

    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
