package io.quotacanvas.library;

import io.quotacanvas.core.ProviderId;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/// A gallery listing: full-text `text` over both prompts (null/blank = all), optional filters, newest first
/// unless `oldestFirst`; `offset`/`limit` page it (a `limit` of 0 or less means no limit).
///
/// Filters left null (or false, or empty) don't filter: `from` (inclusive) and `until` (exclusive) bound the
/// creation instant; `aspectRatio` is a label such as `16:9` (images without one match by their pixel size);
/// `seed` and `runId` match exactly; `excludedIds` leaves those images out (a view that shows them elsewhere,
/// or is about to delete them). Immutable.
public record LibraryQuery(String text, boolean favouritesOnly, ProviderId provider, String model, int offset,
                           int limit, Instant from, Instant until, String aspectRatio, Long seed, String runId,
                           boolean oldestFirst, Set<String> excludedIds) {

    public LibraryQuery {
        excludedIds = excludedIds == null ? Set.of() : Set.copyOf(excludedIds);
    }

    /// A query with only the original filters (text, favourites, provider, model), newest first.
    public LibraryQuery(String text, boolean favouritesOnly, ProviderId provider, String model, int offset,
                        int limit) {
        this(text, favouritesOnly, provider, model, offset, limit, null, null, null, null, null, false, Set.of());
    }

    public static LibraryQuery all(int limit) {
        return new LibraryQuery(null, false, null, null, 0, limit);
    }

    public static LibraryQuery text(String text, int limit) {
        return new LibraryQuery(text, false, null, null, 0, limit);
    }

    /// The images of one run, in the order they were made.
    public static LibraryQuery run(String runId) {
        return new LibraryQuery(null, false, null, null, 0, 0, null, null, null, null, runId, true, Set.of());
    }

    public LibraryQuery withPage(int newOffset, int newLimit) {
        return new LibraryQuery(text, favouritesOnly, provider, model, newOffset, newLimit, from, until, aspectRatio,
                seed, runId, oldestFirst, excludedIds);
    }

    public LibraryQuery withDates(Instant newFrom, Instant newUntil) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, newFrom, newUntil, aspectRatio,
                seed, runId, oldestFirst, excludedIds);
    }

    public LibraryQuery withAspectRatio(String label) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, from, until, label, seed, runId,
                oldestFirst, excludedIds);
    }

    public LibraryQuery withSeed(Long newSeed) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, from, until, aspectRatio,
                newSeed, runId, oldestFirst, excludedIds);
    }

    public LibraryQuery withRunId(String id) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, from, until, aspectRatio, seed,
                id, oldestFirst, excludedIds);
    }

    public LibraryQuery withOldestFirst(boolean oldest) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, from, until, aspectRatio, seed,
                runId, oldest, excludedIds);
    }

    public LibraryQuery excluding(Collection<String> ids) {
        return new LibraryQuery(text, favouritesOnly, provider, model, offset, limit, from, until, aspectRatio, seed,
                runId, oldestFirst, Set.copyOf(ids));
    }
}
