package io.quotacanvas.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/// A clock tests can move forward (real time keeps flowing from the set instant, so deadlines work).
public final class MutableClock extends Clock {
    private volatile Instant base;
    private volatile long baseNanos = System.nanoTime();

    public MutableClock(Instant start) {
        this.base = start;
    }

    public void set(Instant instant) {
        base = instant;
        baseNanos = System.nanoTime();
    }

    public void advance(Duration d) {
        set(instant().plus(d));
    }

    @Override
    public Instant instant() {
        return base.plusNanos(System.nanoTime() - baseNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
