package io.quotacanvas.token.ledger;

import io.quotacanvas.token.TokenState;

import io.quotacanvas.core.FailureClass;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;

/// One `token_state` row, and the rule that turns the rows of a token (× model) into a [TokenState].
record StoredState(String model, boolean invalid, long untilMs, String reason, String message, long updatedMs) {

    static final String COLUMNS = "model, kind, until_ms, reason, message, updated_ms";

    /// Reads the current row, whose columns start at [#COLUMNS].
    static StoredState read(ResultSet rs) throws SQLException {
        return new StoredState(rs.getString(1), "invalid".equals(rs.getString(2)), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getLong(6));
    }

    boolean activeAt(long nowMs) {
        return invalid || untilMs > nowMs;
    }

    /// Token-wide invalid wins; otherwise the cooling that lasts longest; expired coolings read as ready.
    static TokenState resolve(Iterable<StoredState> rows, long nowMs) {
        StoredState longest = null;
        for (StoredState row : rows) {
            if (row.invalid) {
                return new TokenState.Invalid(text(row.message), Instant.ofEpochMilli(row.updatedMs));
            }
            if (row.untilMs > nowMs && (longest == null || row.untilMs > longest.untilMs)) {
                longest = row;
            }
        }
        if (longest == null) {
            return TokenState.READY;
        }
        return new TokenState.Cooling(Instant.ofEpochMilli(longest.untilMs), reason(longest.reason),
                text(longest.message));
    }

    private static FailureClass reason(String wireName) {
        try {
            return FailureClass.valueOf(wireName.toUpperCase(Locale.ROOT));
        } catch (RuntimeException unknown) {
            // a newer version may have written a class this one doesn't know; it still blocks the token
            return FailureClass.PROVIDER_ERROR;
        }
    }

    private static String text(String message) {
        return message == null ? "" : message;
    }
}
