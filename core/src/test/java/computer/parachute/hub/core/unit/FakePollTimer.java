package computer.parachute.hub.core.unit;

import java.time.Duration;

/** Time stands still until someone sleeps; sleeping advances it instantly. */
final class FakePollTimer implements PollTimer {

    long nanos = 1_000_000_000L;
    int sleeps;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps++;
        nanos += duration.toNanos();
    }

    Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(nanos - startNanos);
    }
}
