package computer.parachute.hub.core.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock tests set and advance; mint and validation both take one, so no test depends on today (#784). */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** 2026-04-26T12:00:00Z: the date upstream's test pinned its mint clock to (#784). */
    public static MutableClock atUpstreamPin() {
        return new MutableClock(Instant.parse("2026-04-26T12:00:00Z"));
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
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
