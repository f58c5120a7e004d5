package io.quotacanvas.token.vault;

import java.time.Instant;
import java.util.Objects;

/// One gateway API key as people see it: a random `id`, an optional `label`, a `hint` (`qc_…x7Qa`, the
/// last four characters) and when it was added. The key itself is never kept; only its salted hash is.
public record ApiKeyEntry(String id, String label, String hint, Instant addedAt) {

    public ApiKeyEntry {
        Objects.requireNonNull(id, "id");
    }
}
