package io.quotacanvas.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/// Reads `ledger.url`: `postgresql://[user[:password]@]host[:port]/database[?param=value&…]` (also
/// `postgres://` and `jdbc:postgresql://`), percent-encoding allowed in the user and password. Pure.
final class LedgerUrls {
    static final String EXAMPLE = "postgresql://quota_canvas@db.example.com:5432/quota_canvas";

    private LedgerUrls() {
    }

    /// What a URL says; `problem` is non-null (and the rest meaningless) when it can't be used. Problems
    /// never quote the URL, which may hold a password.
    record Parsed(String jdbcUrl, String user, String password, String display, String problem) {
        static Parsed problem(String why) {
            return new Parsed(null, null, null, null, why);
        }
    }

    static Parsed parse(String text) {
        String raw = text.strip();
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            raw = raw.substring(5);
            lower = lower.substring(5);
        }
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            return Parsed.problem("must be a PostgreSQL URL like " + EXAMPLE + " (leave it empty for this"
                    + " machine's own ledger file)");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return Parsed.problem("is not a valid URL (a password with characters like @ / : # must be"
                    + " percent-encoded, e.g. %40 for @); write it like " + EXAMPLE);
        }
        return fromUri(uri);
    }

    private static Parsed fromUri(URI uri) {
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Parsed.problem("has no host; write it like " + EXAMPLE);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? decode(path.substring(1)) : "";
        if (database.isBlank() || database.contains("/")) {
            return Parsed.problem("must name one database after the host, like " + EXAMPLE);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        List<String> kept = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String key = decode(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
                String value = pair.contains("=") ? decode(pair.substring(pair.indexOf('=') + 1)) : "";
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "" -> { }
                    default -> kept.add(pair);
                }
            }
        }
        String hostPort = uri.getHost() + ":" + port;
        String query = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        String shownUser = user == null || user.isEmpty() ? "" : user + "@";
        // the driver's parameters go to the driver only: some are secrets (sslpassword, sslkey paths…), and
        // the URL is shown by status, in messages and in logs
        String display = "postgresql://" + shownUser + hostPort + "/" + database;
        return new Parsed("jdbc:postgresql://" + hostPort + "/" + database + query, blankToNull(user),
                blankToNull(password), display, null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
