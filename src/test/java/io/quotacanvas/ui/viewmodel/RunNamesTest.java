package io.quotacanvas.ui.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quotacanvas.ui.I18n;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RunNamesTest {
    @Test
    void aRunIdReadsAsWhatItWasAndWhenInThePersonsZone() {
        I18n en = new I18n(Locale.ENGLISH);
        assertEquals("Comparison of Nov 24, 2026, 9:00 AM",
                RunNames.describe("compare-20261124-080000-gzeu", en, ZoneId.of("Europe/Paris")).replace('\u202f', ' '));
        assertEquals("Run of Nov 24, 2026, 8:00 AM",
                RunNames.describe("batch-20261124-080000-k3f9", en, ZoneId.of("UTC")).replace('\u202f', ' '));
        assertEquals("Run some-other-id", RunNames.describe("some-other-id", en, ZoneId.of("UTC")));
        assertEquals("2026年11月24日 16:00 的对比",
                RunNames.describe("compare-20261124-080000-gzeu", new I18n(Locale.SIMPLIFIED_CHINESE),
                        ZoneId.of("Asia/Shanghai")));
    }
}
