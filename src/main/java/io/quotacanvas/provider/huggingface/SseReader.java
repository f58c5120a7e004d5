package io.quotacanvas.provider.huggingface;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okio.BufferedSource;

/// Reads Server-Sent Events (`event:` / `data:` lines, blank line = dispatch, `:` = comment) from a
/// stream, never holding more than `maxBytes` over the whole stream.
///
/// Not thread-safe: one reader per stream, used by the thread that owns the call.
final class SseReader {

    /// One dispatched event. `name` is `message` when the block had no `event:` line; `data` is the
    /// `data:` lines joined by `\n`, or null when there were none.
    record Event(String name, String data) {}

    /// The stream sent more than the cap allows.
    static final class TooLarge extends IOException {
        TooLarge(long cap) {
            super("event stream larger than " + cap + " bytes");
        }
    }

    private final BufferedSource source;
    private final long maxBytes;
    private long consumed;

    SseReader(BufferedSource source, long maxBytes) {
        this.source = source;
        this.maxBytes = maxBytes;
    }

    /// The next event, or null when the stream ended cleanly (a block cut off by the end is dropped).
    Event next() throws IOException {
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (name != null || data != null) {
                    return new Event(name == null ? "message" : name, data == null ? null : data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            if (field.equals("event")) {
                name = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return null;
    }

    /// One line without its terminator, or null at the end of the stream.
    private String readLine() throws IOException {
        long budget = maxBytes - consumed;
        long newline = source.indexOf((byte) '\n', 0, budget + 1);
        if (newline < 0) {
            if (source.getBuffer().size() > budget) {
                throw new TooLarge(maxBytes);
            }
            return null;
        }
        String line = source.readString(newline, StandardCharsets.UTF_8);
        source.skip(1);
        consumed += newline + 1;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
