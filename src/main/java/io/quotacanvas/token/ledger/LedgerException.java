package io.quotacanvas.token.ledger;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/// The ledger file can't be used: unreadable, damaged, locked too long, full disk, newer schema.
///
/// The message is meant for people: it names the file, says what happened and what to do. It never
/// contains a token (the ledger only ever sees fingerprints) nor stack-trace text; the SQLite error
/// stays available as the cause for logs.
public final class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /// Translates an SQLite failure during `action` (e.g. "open", "record a cooling in") on `file`.
    static LedgerException from(SQLException e, Path file, String action) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code & 0xff : e.getErrorCode() & 0xff;
        String where = "ledger file " + file;
        String text = switch (code) {
            case 26, 11 -> where + " is not an SQLite database or is damaged; move it away and Quota Canvas will"
                    + " start a new one (token coolings are then relearned)";
            case 5, 6 -> where + " stayed locked by another Quota Canvas process for too long, so this one could"
                    + " not " + action + " it; wait for the other run to finish, then try again";
            case 14, 3 -> where + " can't be opened; make sure it is a file (not a folder) in a writable folder,"
                    + " or set QUOTA_CANVAS_HOME to another folder";
            case 8 -> where + " is read-only, so Quota Canvas could not " + action + " it; make the file and its"
                    + " folder writable";
            case 13 -> where + ": the disk is full, so Quota Canvas could not " + action + " it; free some space"
                    + " and try again";
            case 10 -> where + ": disk read/write error while trying to " + action + " it; check the disk, or move"
                    + " the file away and Quota Canvas will start a new one";
            default -> where + ": SQLite error " + code + " while trying to " + action + " it; if this persists,"
                    + " move the file away and Quota Canvas will start a new one";
        };
        return new LedgerException(text, e);
    }
}
