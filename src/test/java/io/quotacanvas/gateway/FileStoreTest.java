package io.quotacanvas.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quotacanvas.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileStoreTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    final FileStore files = new FileStore(Duration.ofHours(1), clock);

    @Test
    void anIdResolvesUntilItsHourIsUpThenIsForgotten() {
        String id = files.publish(Path.of("/lib/a.png"));

        assertEquals(Path.of("/lib/a.png"), files.resolve(id).orElseThrow());
        clock.set(Instant.parse("2026-11-24T08:59:59Z"));
        assertTrue(files.resolve(id).isPresent());
        clock.set(Instant.parse("2026-11-24T09:00:01Z"));
        assertTrue(files.resolve(id).isEmpty());
        assertEquals(0, files.size());
    }

    @Test
    void idsAreLongRandomAndNeverReused() {
        String a = files.publish(Path.of("/lib/a.png"));
        String b = files.publish(Path.of("/lib/a.png"));

        assertNotEquals(a, b);
        assertTrue(a.matches("img_[A-Za-z0-9_-]{32}"), a);
    }

    @Test
    void malformedOrUnknownIdsResolveToNothing() {
        files.publish(Path.of("/lib/a.png"));

        assertTrue(files.resolve("img_" + "A".repeat(32)).isEmpty());
        assertTrue(files.resolve("../../etc/passwd").isEmpty());
        assertTrue(files.resolve(null).isEmpty());
    }

    @Test
    void expiredIdsAreSweptWhenNewOnesArePublished() {
        files.publish(Path.of("/lib/a.png"));
        clock.set(Instant.parse("2026-11-24T10:00:00Z"));

        files.publish(Path.of("/lib/b.png"));

        assertEquals(1, files.size());
    }
}
