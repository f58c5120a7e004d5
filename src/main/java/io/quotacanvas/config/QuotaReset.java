package io.quotacanvas.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/// When a provider's spent quota comes back: at the next midnight (`DAILY`) or the first day of the next
/// month (`MONTHLY`) in `zone`.
public record QuotaReset(Period period, ZoneId zone) {

    public enum Period { DAILY, MONTHLY }

    /// The first reset instant strictly after `now`.
    public Instant nextAfter(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate next = switch (period) {
            case DAILY -> today.plusDays(1);
            case MONTHLY -> today.withDayOfMonth(1).plusMonths(1);
        };
        return ZonedDateTime.of(next.atStartOfDay(), zone).toInstant();
    }
}
