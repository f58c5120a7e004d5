package io.quotacanvas.config;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Parses the config's sizes: a bare number of bytes, or `64KiB`, `1MiB`, `512KB`, `2MB` (KB/MB read as
/// the binary units too: nobody means 1000 bytes when they cap a request body).
final class ByteSizes {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private ByteSizes() {
    }

    /// Empty when `text` is not one of the accepted forms.
    static OptionalLong parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = switch (unit.charAt(0)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        return amount > (Long.MAX_VALUE >> shift) ? OptionalLong.empty() : OptionalLong.of(amount << shift);
    }
}
