package io.quotacanvas.library;

import io.quotacanvas.core.ProviderId;

/// A gallery listing: full-text `text` over both prompts (null/blank = all), optional filters, newest first.
public record LibraryQuery(String text, boolean favouritesOnly, ProviderId provider, String model, int offset,
                           int limit) {
    public static LibraryQuery all(int limit) {
        return new LibraryQuery(null, false, null, null, 0, limit);
    }

    public static LibraryQuery text(String text, int limit) {
        return new LibraryQuery(text, false, null, null, 0, limit);
    }
}
