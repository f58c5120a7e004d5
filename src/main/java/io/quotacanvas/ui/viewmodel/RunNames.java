package io.quotacanvas.ui.viewmodel;

import io.quotacanvas.ui.I18n;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// How a run id reads to a person: `compare-20261124-080000-gzeu` is "Comparison of 24 Nov 2026, 09:00"
/// (in the person's zone); an id of another shape is shown as it is. Pure.
public final class RunNames {
    private static final Pattern ID = Pattern.compile("(batch|compare)-(\\d{8}-\\d{6})-\\w+");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunNames() {
    }

    public static String describe(String runId, I18n i18n, ZoneId zone) {
        Matcher m = ID.matcher(runId == null ? "" : runId);
        if (!m.matches()) {
            return i18n.get("gallery.run", runId);
        }
        try {
            var at = LocalDateTime.parse(m.group(2), STAMP).atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
            String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(i18n.locale()).format(at);
            return i18n.get(m.group(1).equals("compare") ? "gallery.runCompare" : "gallery.runBatch", when);
        } catch (DateTimeParseException e) {
            return i18n.get("gallery.run", runId);
        }
    }
}
