package computer.parachute.hub.supervisor;

import computer.parachute.hub.core.time.MonotonicClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Real monotonic time plus an offset a test can push forward (to age crashes out of the budget window). */
final class OffsetClock implements MonotonicClock {
    private final AtomicLong offsetNanos = new AtomicLong();

    @Override
    public long nanos() {
        return System.nanoTime() + offsetNanos.get();
    }

    void advance(Duration duration) {
        offsetNanos.addAndGet(duration.toNanos());
    }
}
