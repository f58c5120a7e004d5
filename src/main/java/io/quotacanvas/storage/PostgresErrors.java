package io.quotacanvas.storage;

import io.quotacanvas.storage.StorageException.Kind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/// Turns PostgreSQL and pool failures into a classified [StorageException] whose message names the
/// database (its URL without the password), what happened and what to do. Guard clauses, one reason each.
final class PostgresErrors {
    private PostgresErrors() {
    }

    /// `failure` while trying to `action` (a verb phrase) on the database `name` (e.g. "ledger database URL").
    static StorageException failure(Throwable failure, String name, String action) {
        String state = sqlState(failure);
        String couldNot = ", so Quota Canvas could not " + action;
        String otherwise = "; or remove ledger.url from the config to use this machine's own ledger file";
        String network = networkReason(failure);
        if (network != null) {
            return new StorageException(Kind.UNREACHABLE, name + " can't be reached (" + network + ")" + couldNot
                    + "; check that PostgreSQL is running there and reachable from this machine" + otherwise, failure);
        }
        if (state.startsWith("28")) {
            return new StorageException(Kind.ACCESS_DENIED, name + " refused the login (" + serverText(failure) + ")"
                    + couldNot + "; check the user and the password (ledger.password or the URL)", failure);
        }
        if (state.equals("3D000")) {
            return new StorageException(Kind.UNREACHABLE, name + " does not exist on that server" + couldNot
                    + "; create it first (for example: createdb -O <user> <database>)", failure);
        }
        if (state.equals("42501")) {
            return new StorageException(Kind.ACCESS_DENIED, name + ": the user may not create or change the ledger's"
                    + " tables (" + serverText(failure) + ")" + couldNot + "; grant it CREATE on the database and"
                    + " schema, or let the database's owner start Quota Canvas once", failure);
        }
        if (state.equals("53300") || state.startsWith("40") || state.equals("55P03")) {
            return new StorageException(Kind.BUSY, name + " is busy (" + serverText(failure) + ")" + couldNot
                    + "; try again in a moment", failure);
        }
        if (state.startsWith("57P") || state.startsWith("08") || state.equals("57014")) {
            return new StorageException(Kind.UNREACHABLE, name + " went away or did not answer in time ("
                    + serverText(failure) + ")" + couldNot + "; check that PostgreSQL is running" + otherwise, failure);
        }
        if (state.equals("53100")) {
            return new StorageException(Kind.DISK_FULL, name + ": the database server's disk is full" + couldNot
                    + "; ask its administrator to free some space", failure);
        }
        return new StorageException(Kind.FAILED, name + ": PostgreSQL error " + (state.isEmpty() ? "" : state + " ")
                + "(" + serverText(failure) + ") while trying to " + action
                + "; if this persists, check the server's log", failure);
    }

    /// The first SQLState in the cause chain, or "".
    private static String sqlState(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    /// What the network said, in a few words; null when the failure is not about the network.
    private static String networkReason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            switch (c) {
                case ConnectException e -> {
                    return "connection refused";
                }
                case UnknownHostException e -> {
                    return "unknown host";
                }
                case NoRouteToHostException e -> {
                    return "no route to host";
                }
                case SocketTimeoutException e -> {
                    return "no answer in time";
                }
                case EOFException e -> {
                    return "the connection was closed";
                }
                case SocketException e -> {
                    return "the connection was lost";
                }
                default -> {
                }
            }
        }
        // the pool gave up waiting for a connection without a network cause: the server did not answer
        return t instanceof SQLTransientConnectionException && sqlState(t).isEmpty() ? "no answer in time" : null;
    }

    /// The server's or driver's own words, first line only, without the driver's advice.
    private static String serverText(Throwable t) {
        Throwable source = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && s.getSQLState() != null) {
                source = c;
                break;
            }
        }
        String m = source.getMessage() == null ? source.getClass().getSimpleName() : source.getMessage();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.startsWith("ERROR: ") || m.startsWith("FATAL: ") ? m.substring(7) : m;
    }
}
